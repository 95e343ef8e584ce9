<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BrowserScreen</name>
    <message>
        <location filename="../../kiosk/browser/view.py" line="99"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="100"/>
        <source>Avancer</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="101"/>
        <source>Recharger</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="102"/>
        <source>Plus petit</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="103"/>
        <source>Plus grand</source>
        <translation>Bigger</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="104"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="154"/>
        <source>Page {service}</source>
        <translation>Page {service}</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="207"/>
        <source>Ce site n&apos;est pas disponible sur cette borne.</source>
        <translation>This website is not available on this kiosk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="208"/>
        <source>Vous restez sur la page où vous étiez.</source>
        <translation>You stay on the page you were on.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="213"/>
        <source>Ce fichier ne peut pas être ouvert sur cette borne.</source>
        <translation>This file cannot be opened on this kiosk.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="214"/>
        <source>La borne ouvre les documents PDF et les images.</source>
        <translation>The kiosk opens PDF documents and pictures.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="219"/>
        <source>Le téléchargement s&apos;est arrêté.</source>
        <translation>The download stopped.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="220"/>
        <source>Touchez à nouveau le lien pour réessayer.</source>
        <translation>Touch the link again to try again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="225"/>
        <source>Cette page n&apos;est pas sûre.</source>
        <translation>This page is not safe.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="226"/>
        <source>La borne ne l&apos;ouvre pas. Essayez plus tard ou demandez de l&apos;aide.</source>
        <translation>The kiosk does not open it. Try later or ask for help.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="279"/>
        <source>La page n&apos;a pas pu être préparée pour l&apos;impression.</source>
        <translation>The page could not be made ready for printing.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/view.py" line="280"/>
        <source>Attendez qu&apos;elle soit affichée, puis réessayez.</source>
        <translation>Wait until it is shown, then try again.</translation>
    </message>
</context>
<context>
    <name>ConfirmEndOverlay</name>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="130"/>
        <source>Terminer votre session ?</source>
        <translation>End your session?</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="133"/>
        <source>Tout ce que vous avez ouvert sera effacé. La borne sera prête pour la personne suivante.</source>
        <translation>Everything you opened will be erased. The kiosk will be ready for the next person.</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="137"/>
        <source>Non, je continue</source>
        <translation>No, I continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="138"/>
        <source>Oui, terminer</source>
        <translation>Yes, end it</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="67"/>
        <source>Réduire</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="68"/>
        <source>Agrandir</source>
        <translation>Bigger</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="69"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="70"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="113"/>
        <location filename="../../kiosk/browser/document_viewer.py" line="150"/>
        <source>Il est peut-être abîmé.</source>
        <translation>It may be damaged.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="147"/>
        <source>Il est protégé par un mot de passe.</source>
        <translation>It is protected by a password.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="153"/>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="153"/>
        <source>{n} pages</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="175"/>
        <source>Ce document ne peut pas être affiché.</source>
        <translation>This document cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/document_viewer.py" line="177"/>
        <source>Touchez « Fermer » pour revenir.</source>
        <translation>Touch “Close” to go back.</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="159"/>
        <source>Choisissez un document</source>
        <translation>Choose a document</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="162"/>
        <source>Vous n&apos;avez pas encore de document. Téléchargez ou scannez d&apos;abord votre document.</source>
        <translation>You have no document yet. First download or scan your document.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="178"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="182"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="275"/>
        <source>Touchez les documents à envoyer. Vous pouvez en choisir plusieurs.</source>
        <translation>Touch the documents to send. You can choose several.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="277"/>
        <source>Touchez le document à envoyer.</source>
        <translation>Touch the document to send.</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="292"/>
        <source>Envoyer ces documents</source>
        <translation>Send these documents</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/file_chooser.py" line="294"/>
        <source>Envoyer ce document</source>
        <translation>Send this document</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../kiosk/shell/home.py" line="38"/>
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/home.py" line="40"/>
        <source>Touchez un service pour commencer. C&apos;est gratuit.</source>
        <translation>Touch a service to start. It is free.</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/home.py" line="56"/>
        <source>Les services de la borne</source>
        <translation>Kiosk services</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="76"/>
        <source>Êtes-vous toujours là ?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="79"/>
        <source>Sinon, la session va se terminer. Tout ce que vous avez ouvert sera effacé.</source>
        <translation>If not, the session will end. Everything you opened will be erased.</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="82"/>
        <source>Je suis là</source>
        <translation>I am here</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="120"/>
        <source>{n} secondes</source>
        <translation>{n} seconds</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="120"/>
        <source>1 seconde</source>
        <translation>1 second</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <location filename="../../kiosk/shell/overlay.py" line="160"/>
        <source>J&apos;ai compris</source>
        <translation>I understand</translation>
    </message>
</context>
<context>
    <name>OfflineHelpScreen</name>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="50"/>
        <source>Pour joindre ce service :</source>
        <translation>To reach this service:</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="55"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="56"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="57"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="58"/>
        <source>À préparer</source>
        <translation>Have ready</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="77"/>
        <source>Retour à l&apos;accueil</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="81"/>
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/offline_help.py" line="97"/>
        <source>Le site ne répond pas pour le moment. La borne réessaie toute seule.</source>
        <translation>The website is not answering right now. The kiosk tries again by itself.</translation>
    </message>
</context>
<context>
    <name>PageDialog</name>
    <message>
        <location filename="../../kiosk/browser/dialogs.py" line="22"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/dialogs.py" line="23"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/dialogs.py" line="32"/>
        <source>Message du site</source>
        <translation>Message from the website</translation>
    </message>
    <message>
        <location filename="../../kiosk/browser/dialogs.py" line="35"/>
        <location filename="../../kiosk/browser/dialogs.py" line="38"/>
        <source>Le site vous demande</source>
        <translation>The website asks you</translation>
    </message>
</context>
<context>
    <name>PopupPanel</name>
    <message>
        <location filename="../../kiosk/browser/popup.py" line="23"/>
        <source>Fermer cette fenêtre</source>
        <translation>Close this window</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../kiosk/shell/tile.py" line="58"/>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/tile.py" line="64"/>
        <source>Hors ligne.</source>
        <translation>Offline.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../kiosk/shell/top_bar.py" line="24"/>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../kiosk/shell/top_bar.py" line="31"/>
        <source>Terminer ma session</source>
        <translation>End my session</translation>
    </message>
</context>
</TS>
