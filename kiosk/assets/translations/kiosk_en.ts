<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddressPage</name>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="36"/>
        <source>Ouvrir un site</source>
        <translation>Open a website</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="38"/>
        <source>Tapez l&apos;adresse du site. La borne ouvre seulement les sites sûrs, en https.</source>
        <translation>Type the website&apos;s address. The kiosk opens only safe websites, in https.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="40"/>
        <source>Adresse du site</source>
        <translation>Website address</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="41"/>
        <source>Par exemple : www.service-public.fr</source>
        <translation>For example: www.service-public.fr</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="42"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="64"/>
        <source>Tapez d&apos;abord une adresse.</source>
        <translation>Type an address first.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="66"/>
        <source>Cette adresse n&apos;est pas sûre. La borne ouvre seulement les adresses en https.</source>
        <translation>This address is not safe. The kiosk opens only https addresses.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="69"/>
        <source>Ce n&apos;est pas l&apos;adresse d&apos;un site. La borne ouvre seulement les sites en https.</source>
        <translation>This is not a website&apos;s address. The kiosk opens only https websites.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/address_page.py" line="71"/>
        <source>Cette adresse n&apos;est pas valide. Vérifiez-la.</source>
        <translation>This address is not valid. Please check it.</translation>
    </message>
</context>
<context>
    <name>AssistedBanner</name>
    <message>
        <location filename="../../advisor/assisted/banner.py" line="40"/>
        <source>Mode accompagné — {name}</source>
        <translation>Assisted mode — {name}</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/banner.py" line="41"/>
        <source>Outils du conseiller</source>
        <translation>Advisor&apos;s tools</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/banner.py" line="42"/>
        <source>Quitter le mode accompagné</source>
        <translation>Leave assisted mode</translation>
    </message>
</context>
<context>
    <name>BrowserScreen</name>
    <message>
        <location filename="../../browser/view.py" line="153"/>
        <source>Recharger</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="154"/>
        <source>Plus petit</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="155"/>
        <source>Plus grand</source>
        <translation>Bigger</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="156"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="270"/>
        <source>Vous restez sur la page où vous étiez. Pour ce site, demandez au guichet.</source>
        <translation>You stay on the page you were on. For this site, ask at the counter.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="371"/>
        <source>Page {service}</source>
        <translation>Page {service}</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="269"/>
        <source>Ce site n&apos;est pas disponible sur cette borne.</source>
        <translation>This website is not available on this kiosk.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="151"/>
        <source>Page précédente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="152"/>
        <source>Page suivante</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="277"/>
        <source>Ce fichier ne peut pas être ouvert sur cette borne.</source>
        <translation>This file cannot be opened on this kiosk.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="278"/>
        <source>La borne ouvre les documents PDF et les images.</source>
        <translation>The kiosk opens PDF documents and pictures.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="285"/>
        <source>Le téléchargement s&apos;est arrêté.</source>
        <translation>The download stopped.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="286"/>
        <source>Touchez à nouveau le lien pour réessayer.</source>
        <translation>Touch the link again to try again.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="293"/>
        <source>Cette page n&apos;est pas sûre.</source>
        <translation>This page is not safe.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="294"/>
        <source>La borne ne l&apos;ouvre pas. Essayez plus tard ou demandez de l&apos;aide.</source>
        <translation>The kiosk does not open it. Try later or ask for help.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="383"/>
        <source>La page n&apos;a pas pu être préparée pour l&apos;impression.</source>
        <translation>The page could not be made ready for printing.</translation>
    </message>
    <message>
        <location filename="../../browser/view.py" line="384"/>
        <source>Attendez qu&apos;elle soit affichée, puis réessayez.</source>
        <translation>Wait until it is shown, then try again.</translation>
    </message>
</context>
<context>
    <name>Browsing</name>
    <message>
        <location filename="../../browser/in_kiosk.py" line="123"/>
        <source>le site « {service} » et ce que vous y avez écrit</source>
        <translation>the site “{service}” and what you wrote on it</translation>
    </message>
</context>
<context>
    <name>CallBanner</name>
    <message>
        <location filename="../../advisor/call_banner.py" line="41"/>
        <source>Voir ma demande</source>
        <translation>See my request</translation>
    </message>
    <message>
        <location filename="../../advisor/call_banner.py" line="46"/>
        <source>pas encore partie</source>
        <translation>not sent yet</translation>
    </message>
    <message>
        <location filename="../../advisor/call_banner.py" line="46"/>
        <source>envoi en cours</source>
        <translation>being sent</translation>
    </message>
    <message>
        <location filename="../../advisor/call_banner.py" line="48"/>
        <source>un conseiller l&apos;a vue</source>
        <translation>an advisor has seen it</translation>
    </message>
    <message>
        <location filename="../../advisor/call_banner.py" line="50"/>
        <source>un conseiller arrive</source>
        <translation>an advisor is coming</translation>
    </message>
    <message>
        <location filename="../../advisor/call_banner.py" line="52"/>
        <source>envoyée</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../advisor/call_banner.py" line="53"/>
        <source>Demande {ticket} : {state}.</source>
        <translation>Request {ticket}: {state}.</translation>
    </message>
</context>
<context>
    <name>CallScreen</name>
    <message>
        <location filename="../../advisor/call_screen.py" line="31"/>
        <source>Une démarche</source>
        <translation>A formality</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="32"/>
        <source>Imprimer ou scanner</source>
        <translation>Print or scan</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="33"/>
        <source>Mon compte ou mot de passe</source>
        <translation>My account or password</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="34"/>
        <source>L&apos;emploi</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="35"/>
        <source>Autre</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="58"/>
        <source>Votre demande n&apos;est pas encore partie.</source>
        <translation>Your request has not gone yet.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="60"/>
        <source>Nous réessayons sans arrêt.</source>
        <translation>We keep trying.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="61"/>
        <source>Nous envoyons votre demande.</source>
        <translation>We are sending your request.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="63"/>
        <source>Cela prend quelques secondes.</source>
        <translation>It takes a few seconds.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="65"/>
        <source>Un conseiller a vu votre demande.</source>
        <translation>An advisor has seen your request.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="67"/>
        <source>Il vient dès qu&apos;il peut.</source>
        <translation>They will come as soon as they can.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="69"/>
        <source>Un conseiller arrive.</source>
        <translation>An advisor is coming.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="69"/>
        <source>Restez près de la borne.</source>
        <translation>Stay near the terminal.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="72"/>
        <source>Votre demande est envoyée.</source>
        <translation>Your request has been sent.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="72"/>
        <source>Un conseiller va la voir.</source>
        <translation>An advisor will see it.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="81"/>
        <source>aujourd&apos;hui</source>
        <translation>today</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="83"/>
        <source>demain</source>
        <translation>tomorrow</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="86"/>
        <source>Prochaine permanence : {when}, de {start} à {end}.</source>
        <translation>Next advisor hours: {when}, from {start} to {end}.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="90"/>
        <source>Lieu : {place}.</source>
        <translation>Place: {place}.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="99"/>
        <source>{hours} h</source>
        <translation>{hours}:00</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="100"/>
        <source>{hours} h {minutes:02d}</source>
        <translation>{hours}:{minutes:02d}</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="200"/>
        <location filename="../../advisor/call_screen.py" line="201"/>
        <source>Appeler un conseiller</source>
        <translation>Call an advisor</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="202"/>
        <location filename="../../advisor/call_screen.py" line="244"/>
        <source>Revenir à ma démarche</source>
        <translation>Back to what I was doing</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="203"/>
        <source>Appeler</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="204"/>
        <source>Prendre un numéro</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="207"/>
        <source>Annuler ma demande</source>
        <translation>Cancel my request</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="208"/>
        <location filename="../../advisor/call_screen.py" line="244"/>
        <source>Continuer ma démarche</source>
        <translation>Go on with what I was doing</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="218"/>
        <source>Un conseiller peut venir vous aider ici.</source>
        <translation>An advisor can come and help you here.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="219"/>
        <source>Pour quoi ? Vous pouvez aussi ne rien choisir.</source>
        <translation>What for? You can also choose nothing.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="222"/>
        <source>Aucun conseiller n&apos;est là en ce moment.</source>
        <translation>No advisor is here right now.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="224"/>
        <source>Cette borne ne peut pas appeler un conseiller.</source>
        <translation>This terminal cannot call an advisor.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="229"/>
        <source>Le guichet de la poste peut vous aider. Prenez un numéro.</source>
        <translation>The post office counter can help you. Take a number.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="238"/>
        <source>Votre numéro :</source>
        <translation>Your number:</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="251"/>
        <source>Le serveur ne répond pas. Montrez ce numéro au guichet : {ticket}.</source>
        <translation>The server does not answer. Show this number at the counter: {ticket}.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="255"/>
        <source>Montrez ce numéro au guichet.</source>
        <translation>Show this number at the counter.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="256"/>
        <source>Un agent de la poste vous aidera.</source>
        <translation>A post office clerk will help you.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="258"/>
        <source>Allez au guichet de la poste.</source>
        <translation>Go to the post office counter.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="259"/>
        <source>Un agent vous aidera.</source>
        <translation>A clerk will help you.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="261"/>
        <source>Votre demande est terminée.</source>
        <translation>Your request is over.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="261"/>
        <source>Merci de votre visite.</source>
        <translation>Thank you for your visit.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="263"/>
        <source>Votre demande est annulée.</source>
        <translation>Your request is cancelled.</translation>
    </message>
    <message>
        <location filename="../../advisor/call_screen.py" line="263"/>
        <source>Vous pouvez appeler à nouveau.</source>
        <translation>You can call again.</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="66"/>
        <source>Demandes d&apos;aide en cours</source>
        <translation>Open help requests</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="67"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="72"/>
        <source>Ce site n&apos;a pas de serveur central.</source>
        <translation>This site has no central server.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="74"/>
        <source>Le serveur central ne répond pas. Réessayez dans un moment.</source>
        <translation>The central server does not answer. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="76"/>
        <source>Lecture…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="78"/>
        <source>Aucune demande d&apos;aide en cours sur ce site.</source>
        <translation>No open help request at this site.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="83"/>
        <source>Une démarche</source>
        <translation>A formality</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="84"/>
        <source>Imprimer ou scanner</source>
        <translation>Print or scan</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="85"/>
        <source>Mon compte ou mot de passe</source>
        <translation>My account or password</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="86"/>
        <source>L&apos;emploi</source>
        <translation>Work</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="87"/>
        <source>Autre</source>
        <translation>Something else</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="90"/>
        <source>pas encore vue</source>
        <translation>not seen yet</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="91"/>
        <source>vue par un conseiller</source>
        <translation>seen by an advisor</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="92"/>
        <source>un conseiller arrive</source>
        <translation>an advisor is coming</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="94"/>
        <source>{ticket} : {topic}, {state}. Borne {terminal}, {time}.</source>
        <translation>{ticket}: {topic}, {state}. Kiosk {terminal}, {time}.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="96"/>
        <source>sans sujet</source>
        <translation>no topic</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="108"/>
        <source>fr_FR</source>
        <comment>the locale dates are written in</comment>
        <translation>en_GB</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/calls_page.py" line="109"/>
        <source>&apos;à&apos; H &apos;h&apos; mm</source>
        <translation>&apos;at&apos; HH:mm</translation>
    </message>
</context>
<context>
    <name>ChoiceExercise</name>
    <message>
        <location filename="../../diagnostic/views/forms.py" line="216"/>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/forms.py" line="218"/>
        <source>Vous pouvez choisir plusieurs réponses.</source>
        <translation>You can choose several answers.</translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="43"/>
        <source>Lire un code de diagnostic</source>
        <translation>Read a diagnostic code</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="44"/>
        <source>Tapez le code écrit sur la feuille du visiteur.</source>
        <translation>Type the code written on the visitor&apos;s sheet.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="45"/>
        <source>Code du diagnostic</source>
        <translation>Diagnostic code</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="46"/>
        <source>Par exemple : 7K2M-Q9XA</source>
        <translation>For example: 7K2M-Q9XA</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="47"/>
        <source>Lire le code</source>
        <translation>Read the code</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="84"/>
        <source>Tapez d&apos;abord le code.</source>
        <translation>Type the code first.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="86"/>
        <source>Lecture du code…</source>
        <translation>Reading the code…</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="88"/>
        <source>Ce code n&apos;est pas valide. Vérifiez chaque caractère.</source>
        <translation>This code is not valid. Check each character.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="90"/>
        <source>Le diagnostic de cette borne a un problème. Prévenez le technicien.</source>
        <translation>This kiosk&apos;s diagnostic has a problem. Tell the technician.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="95"/>
        <source>Code : {code}</source>
        <translation>Code: {code}</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="97"/>
        <source>Niveau par domaine :</source>
        <translation>Level in each area:</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="100"/>
        <source>Groupe : {group}</source>
        <translation>Group: {group}</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="103"/>
        <source>Conseils :</source>
        <translation>Advice:</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="105"/>
        <source>Besoins indiqués :</source>
        <translation>Needs stated:</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/code_page.py" line="106"/>
        <source>Aucun besoin indiqué.</source>
        <translation>No need stated.</translation>
    </message>
</context>
<context>
    <name>ConfirmEndOverlay</name>
    <message>
        <location filename="../../shell/overlay.py" line="155"/>
        <source>Terminer votre session ?</source>
        <translation>End your session?</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="156"/>
        <source>La borne sera prête pour la personne suivante.</source>
        <translation>The kiosk will be ready for the next person.</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="157"/>
        <source>Non, je continue</source>
        <translation>No, I continue</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="158"/>
        <source>Oui, terminer</source>
        <translation>Yes, end it</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="172"/>
        <source>Ceci sera effacé :</source>
        <translation>This will be erased:</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="174"/>
        <source>Tout ce que vous avez ouvert sera effacé.</source>
        <translation>Everything you opened will be erased.</translation>
    </message>
</context>
<context>
    <name>CornerButton</name>
    <message>
        <location filename="../../advisor/assisted/banner.py" line="60"/>
        <location filename="../../advisor/assisted/banner.py" line="61"/>
        <source>Espace conseiller</source>
        <translation>Advisor area</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/banner.py" line="62"/>
        <source>Pour les conseillers et les techniciens, avec un code.</source>
        <translation>For advisors and technicians, with a code.</translation>
    </message>
</context>
<context>
    <name>DiagnosticInKiosk</name>
    <message>
        <location filename="../../diagnostic/in_kiosk.py" line="45"/>
        <source>Faire le point</source>
        <translation>Check my skills</translation>
    </message>
    <message>
        <location filename="../../diagnostic/in_kiosk.py" line="46"/>
        <source>Ce que je sais faire sur un ordinateur</source>
        <translation>What I can do on a computer</translation>
    </message>
    <message>
        <location filename="../../diagnostic/in_kiosk.py" line="63"/>
        <source>le résultat de votre diagnostic</source>
        <translation>the result of your skills check</translation>
    </message>
    <message>
        <location filename="../../diagnostic/in_kiosk.py" line="65"/>
        <source>le diagnostic en cours</source>
        <translation>the skills check in progress</translation>
    </message>
</context>
<context>
    <name>DiagnosticScreen</name>
    <message>
        <location filename="../../diagnostic/views/screen.py" line="85"/>
        <source>Faire le point</source>
        <translation>Check my skills</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../../browser/document_viewer.py" line="117"/>
        <source>Votre document</source>
        <translation>Your document</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="118"/>
        <source>Plus petit</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="119"/>
        <source>Plus grand</source>
        <translation>Bigger</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="120"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="121"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="122"/>
        <source>Ouverture du document…</source>
        <translation>Opening the document…</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="264"/>
        <source>Il est peut-être abîmé.</source>
        <translation>It may be damaged.</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="265"/>
        <source>Il est protégé par un mot de passe.</source>
        <translation>It is protected by a password.</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="254"/>
        <source>1 page</source>
        <translation>1 page</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="254"/>
        <source>{n} pages</source>
        <translation>{n} pages</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="268"/>
        <source>Ce document ne peut pas être affiché.</source>
        <translation>This document cannot be shown.</translation>
    </message>
    <message>
        <location filename="../../browser/document_viewer.py" line="270"/>
        <source>Touchez « Fermer » pour revenir.</source>
        <translation>Touch “Close” to go back.</translation>
    </message>
</context>
<context>
    <name>EarlyEndPage</name>
    <message>
        <location filename="../../diagnostic/views/early_end_page.py" line="34"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>FileChooser</name>
    <message>
        <location filename="../../browser/file_chooser.py" line="102"/>
        <source>Choisissez un document</source>
        <translation>Choose a document</translation>
    </message>
    <message>
        <location filename="../../browser/file_chooser.py" line="104"/>
        <source>Vous n&apos;avez pas encore de document. Téléchargez ou scannez d&apos;abord votre document.</source>
        <translation>You have no document yet. First download or scan your document.</translation>
    </message>
    <message>
        <location filename="../../browser/file_chooser.py" line="106"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../browser/file_chooser.py" line="107"/>
        <source>Revenir au site</source>
        <translation>Back to the site</translation>
    </message>
    <message>
        <location filename="../../browser/file_chooser.py" line="109"/>
        <source>Touchez les documents à envoyer. Vous pouvez en choisir plusieurs.</source>
        <translation>Touch the documents to send. You can choose several.</translation>
    </message>
    <message>
        <location filename="../../browser/file_chooser.py" line="111"/>
        <source>Touchez le document à envoyer.</source>
        <translation>Touch the document to send.</translation>
    </message>
    <message>
        <location filename="../../browser/file_chooser.py" line="213"/>
        <source>Envoyer ces documents</source>
        <translation>Send these documents</translation>
    </message>
    <message>
        <location filename="../../browser/file_chooser.py" line="215"/>
        <source>Envoyer ce document</source>
        <translation>Send this document</translation>
    </message>
</context>
<context>
    <name>FilePickerExercise</name>
    <message>
        <location filename="../../diagnostic/views/files.py" line="32"/>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/files.py" line="33"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/files.py" line="34"/>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/files.py" line="35"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/files.py" line="124"/>
        <source>Choisir un fichier</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/files.py" line="128"/>
        <source>Ce dossier est vide.</source>
        <translation>This folder is empty.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/files.py" line="184"/>
        <source>Fichier choisi : {name}</source>
        <translation>File chosen: {name}</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/files.py" line="187"/>
        <source>Aucun fichier choisi.</source>
        <translation>No file chosen.</translation>
    </message>
</context>
<context>
    <name>FrameNotice</name>
    <message>
        <location filename="../../browser/frames.py" line="45"/>
        <source>Ce contenu ne peut pas s&apos;afficher ici.</source>
        <translation>This content cannot be shown here.</translation>
    </message>
</context>
<context>
    <name>HelpCalling</name>
    <message>
        <location filename="../../advisor/calling.py" line="93"/>
        <source>votre demande à un conseiller</source>
        <translation>your request to an advisor</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../shell/home.py" line="120"/>
        <source>Bienvenue</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <location filename="../../shell/home.py" line="126"/>
        <source>Page précédente</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../shell/home.py" line="127"/>
        <source>Plus de services</source>
        <translation>More services</translation>
    </message>
    <message>
        <location filename="../../shell/home.py" line="251"/>
        <source>La session précédente est terminée et effacée. Touchez un service.</source>
        <translation>The previous session has ended and been erased. Touch a service.</translation>
    </message>
    <message>
        <location filename="../../shell/home.py" line="284"/>
        <source>{category} (suite)</source>
        <translation>{category} (continued)</translation>
    </message>
    <message>
        <location filename="../../shell/home.py" line="288"/>
        <source>Page {n} sur {total}</source>
        <translation>Page {n} of {total}</translation>
    </message>
    <message>
        <location filename="../../shell/home.py" line="250"/>
        <source>Touchez un service pour commencer. C&apos;est gratuit.</source>
        <translation>Touch a service to start. It is free.</translation>
    </message>
    <message>
        <location filename="../../shell/home.py" line="123"/>
        <source>Les services de la borne</source>
        <translation>Kiosk services</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../shell/overlay.py" line="93"/>
        <source>Êtes-vous toujours là ?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="95"/>
        <source>Sinon, la session va se terminer. Tout ce que vous avez ouvert sera effacé.</source>
        <translation>If not, the session will end. Everything you opened will be erased.</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="97"/>
        <source>Je suis là</source>
        <translation>I am here</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="129"/>
        <source>{n} secondes</source>
        <translation>{n} seconds</translation>
    </message>
    <message>
        <location filename="../../shell/overlay.py" line="129"/>
        <source>1 seconde</source>
        <translation>1 second</translation>
    </message>
</context>
<context>
    <name>ItemPage</name>
    <message>
        <location filename="../../diagnostic/views/item_page.py" line="86"/>
        <source>Je ne sais pas</source>
        <translation>I don&apos;t know</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/item_page.py" line="87"/>
        <source>Passer</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/item_page.py" line="91"/>
        <source>Partie {n} sur {total}</source>
        <translation>Part {n} of {total}</translation>
    </message>
</context>
<context>
    <name>MailboxExercise</name>
    <message>
        <location filename="../../diagnostic/views/mailbox.py" line="89"/>
        <source>Boîte de réception</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/mailbox.py" line="91"/>
        <source>Touchez un message pour le lire.</source>
        <translation>Touch a message to read it.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/mailbox.py" line="95"/>
        <source>De :</source>
        <translation>From:</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/mailbox.py" line="93"/>
        <source>Répondre</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/mailbox.py" line="98"/>
        <source>Votre réponse à {name}</source>
        <translation>Your reply to {name}</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/mailbox.py" line="100"/>
        <source>Écrivez ici</source>
        <translation>Write here</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/mailbox.py" line="101"/>
        <source>Envoyer</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>NoticeOverlay</name>
    <message>
        <location filename="../../shell/overlay.py" line="201"/>
        <source>J&apos;ai compris</source>
        <translation>I understand</translation>
    </message>
</context>
<context>
    <name>OfflineHelpScreen</name>
    <message>
        <location filename="../../shell/offline_help.py" line="113"/>
        <source>Pour joindre ce service :</source>
        <translation>To reach this service:</translation>
    </message>
    <message>
        <location filename="../../shell/offline_help.py" line="115"/>
        <source>Téléphone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../shell/offline_help.py" line="116"/>
        <source>Horaires</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <location filename="../../shell/offline_help.py" line="117"/>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../shell/offline_help.py" line="118"/>
        <source>À préparer</source>
        <translation>Have ready</translation>
    </message>
    <message>
        <location filename="../../shell/offline_help.py" line="124"/>
        <source>Retour à l&apos;accueil</source>
        <translation>Back to home</translation>
    </message>
    <message>
        <location filename="../../shell/offline_help.py" line="125"/>
        <source>Réessayer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../shell/offline_help.py" line="109"/>
        <source>Le site ne répond pas pour le moment. La borne réessaie toute seule.</source>
        <translation>The website is not answering right now. The kiosk tries again by itself.</translation>
    </message>
</context>
<context>
    <name>OptionsStep</name>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="115"/>
        <location filename="../../devices/printer/steps/options.py" line="122"/>
        <source>Nombre d&apos;exemplaires</source>
        <translation>Number of copies</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="118"/>
        <source>Toutes les pages</source>
        <translation>All pages</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="119"/>
        <source>Seulement certaines pages</source>
        <translation>Only some pages</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="116"/>
        <source>Première page</source>
        <translation>First page</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="117"/>
        <source>Dernière page</source>
        <translation>Last page</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="120"/>
        <source>De la page</source>
        <translation>From page</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="121"/>
        <source>à la page</source>
        <translation>to page</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="123"/>
        <source>Pages à imprimer</source>
        <translation>Pages to print</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="135"/>
        <source>Étape précédente</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="124"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="133"/>
        <source>Imprimer « {name} »</source>
        <translation>Print “{name}”</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="135"/>
        <source>Ne pas imprimer</source>
        <translation>Do not print</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="245"/>
        <source>Ouverture du document…</source>
        <translation>Opening the document…</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="251"/>
        <source>Vous allez imprimer 1 page.</source>
        <translation>You are going to print 1 page.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/options.py" line="253"/>
        <source>Vous allez imprimer {n} pages.</source>
        <translation>You are going to print {n} pages.</translation>
    </message>
</context>
<context>
    <name>PageDialog</name>
    <message>
        <location filename="../../browser/dialogs.py" line="41"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../browser/dialogs.py" line="42"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../browser/dialogs.py" line="45"/>
        <source>Message du site</source>
        <translation>Message from the website</translation>
    </message>
    <message>
        <location filename="../../browser/dialogs.py" line="48"/>
        <location filename="../../browser/dialogs.py" line="51"/>
        <source>Le site vous demande</source>
        <translation>The website asks you</translation>
    </message>
</context>
<context>
    <name>PageThumbnails</name>
    <message>
        <location filename="../../devices/printer/steps/thumbnails.py" line="41"/>
        <location filename="../../devices/printer/steps/thumbnails.py" line="101"/>
        <source>Page {n}</source>
        <translation>Page {n}</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../advisor/assisted/pin_pad.py" line="55"/>
        <source>Effacer</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/pin_pad.py" line="56"/>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/pin_pad.py" line="57"/>
        <location filename="../../advisor/assisted/pin_pad.py" line="93"/>
        <source>Chiffres tapés : {n}</source>
        <translation>Digits typed: {n}</translation>
    </message>
</context>
<context>
    <name>PlaceStep</name>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="46"/>
        <source>Scanner</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="45"/>
        <source>Étape précédente</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="44"/>
        <source>Posez votre document sur la vitre</source>
        <translation>Put your document on the glass</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="46"/>
        <source>Photocopier</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="61"/>
        <source>Posez la carte ou la photo face vers le bas, dans le coin de la flèche.</source>
        <translation>Put the card or photo face down, in the corner of the arrow.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="63"/>
        <source>Posez la feuille suivante face vers le bas, dans le coin de la flèche.</source>
        <translation>Put the next sheet face down, in the corner of the arrow.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="65"/>
        <source>Posez la feuille face vers le bas, dans le coin de la flèche.</source>
        <translation>Put the sheet face down, in the corner of the arrow.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="67"/>
        <source>Fermez le couvercle, puis touchez « Photocopier ».</source>
        <translation>Close the lid, then touch “Photocopy”.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/place.py" line="69"/>
        <source>Fermez le couvercle, puis touchez « Scanner ».</source>
        <translation>Close the lid, then touch “Scan”.</translation>
    </message>
</context>
<context>
    <name>PopupPanel</name>
    <message>
        <location filename="../../browser/popup.py" line="38"/>
        <source>Fermer cette fenêtre</source>
        <translation>Close this window</translation>
    </message>
</context>
<context>
    <name>PreviewStep</name>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="94"/>
        <source>Oui</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="95"/>
        <source>Non</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="96"/>
        <source>Voici votre page. Est-elle lisible ?</source>
        <translation>Here is your page. Can you read it?</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="97"/>
        <source>Tourner la page</source>
        <translation>Turn the page</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="98"/>
        <source>Scanner à nouveau</source>
        <translation>Scan again</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="99"/>
        <source>Étape précédente</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="100"/>
        <source>Que faire ?</source>
        <translation>What to do?</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="101"/>
        <source>La page est à l&apos;envers ou couchée :</source>
        <translation>The page is upside down or sideways:</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="102"/>
        <source>La page est floue ou coupée :</source>
        <translation>The page is blurred or cut off:</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="103"/>
        <source>Scanner une autre feuille</source>
        <translation>Scan another sheet</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="106"/>
        <source>J&apos;ai fini de scanner</source>
        <translation>I have finished scanning</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="104"/>
        <source>Avez-vous une autre feuille ?</source>
        <translation>Do you have another sheet?</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="106"/>
        <source>C&apos;est fini, imprimer</source>
        <translation>That&apos;s all, print</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="110"/>
        <source>Votre document a 1 page.</source>
        <translation>Your document has 1 page.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/preview.py" line="112"/>
        <source>Votre document a {n} pages.</source>
        <translation>Your document has {n} pages.</translation>
    </message>
</context>
<context>
    <name>PrintChooseStep</name>
    <message>
        <location filename="../../devices/printer/steps/choose.py" line="59"/>
        <source>Touchez le document à imprimer.</source>
        <translation>Touch the document to print.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/choose.py" line="61"/>
        <source>Scannez un papier, ou ouvrez un site et touchez « Imprimer » en haut.</source>
        <translation>Scan a paper, or open a site and touch “Print” at the top.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/choose.py" line="63"/>
        <source>Scanner un papier</source>
        <translation>Scan a paper</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/choose.py" line="64"/>
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/choose.py" line="65"/>
        <source>Ne pas imprimer</source>
        <translation>Do not print</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/choose.py" line="68"/>
        <source>Vous n&apos;avez pas encore de document à imprimer.</source>
        <translation>You have no document to print yet.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/choose.py" line="70"/>
        <source>Choisissez un document</source>
        <translation>Choose a document</translation>
    </message>
</context>
<context>
    <name>PrintDoneStep</name>
    <message>
        <location filename="../../devices/printer/steps/done.py" line="27"/>
        <source>J&apos;ai récupéré mes feuilles</source>
        <translation>I have my sheets</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/done.py" line="28"/>
        <source>C&apos;est imprimé.</source>
        <translation>It is printed.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/done.py" line="29"/>
        <source>Récupérez vos feuilles dans l&apos;imprimante.</source>
        <translation>Take your sheets from the printer.</translation>
    </message>
</context>
<context>
    <name>PrintProblemStep</name>
    <message>
        <location filename="../../devices/printer/steps/problem.py" line="38"/>
        <source>Étape précédente</source>
        <translation>Previous step</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/problem.py" line="39"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PrintWizard</name>
    <message>
        <location filename="../../devices/printer/wizard.py" line="91"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>PrinterMessages</name>
    <message>
        <location filename="../../devices/printer/messages.py" line="26"/>
        <source>Demandez de l&apos;aide à un conseiller.</source>
        <translation>Ask an advisor for help.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="29"/>
        <source>L&apos;imprimante est arrêtée.</source>
        <translation>The printer is stopped.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="30"/>
        <source>Demandez à un conseiller de la remettre en marche.</source>
        <translation>Ask an advisor to start it again.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="33"/>
        <source>L&apos;imprimante ne répond pas.</source>
        <translation>The printer does not answer.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="34"/>
        <source>Demandez à un conseiller de l&apos;allumer.</source>
        <translation>Ask an advisor to switch it on.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="37"/>
        <source>L&apos;imprimante n&apos;a plus de papier.</source>
        <translation>The printer is out of paper.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="38"/>
        <source>Demandez à un conseiller d&apos;en remettre.</source>
        <translation>Ask an advisor to add some.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="41"/>
        <source>Une feuille est coincée dans l&apos;imprimante.</source>
        <translation>A sheet is stuck in the printer.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="42"/>
        <source>Demandez à un conseiller de la retirer.</source>
        <translation>Ask an advisor to take it out.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="45"/>
        <source>Une porte de l&apos;imprimante est ouverte.</source>
        <translation>A door of the printer is open.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="46"/>
        <source>Demandez à un conseiller de la fermer.</source>
        <translation>Ask an advisor to close it.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="49"/>
        <source>L&apos;imprimante n&apos;a plus d&apos;encre.</source>
        <translation>The printer is out of ink.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="50"/>
        <source>Demandez à un conseiller de la changer.</source>
        <translation>Ask an advisor to change it.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="53"/>
        <source>L&apos;imprimante n&apos;a bientôt plus de papier.</source>
        <translation>The printer will soon be out of paper.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="54"/>
        <location filename="../../devices/printer/messages.py" line="58"/>
        <source>Vous pouvez imprimer. Prévenez un conseiller.</source>
        <translation>You can print. Tell an advisor.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="57"/>
        <source>L&apos;encre de l&apos;imprimante est presque finie.</source>
        <translation>The printer&apos;s ink is almost used up.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="60"/>
        <source>L&apos;imprimante a un problème.</source>
        <translation>The printer has a problem.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="62"/>
        <source>L&apos;imprimante n&apos;accepte pas d&apos;impression pour le moment.</source>
        <translation>The printer does not take prints for now.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="66"/>
        <source>L&apos;impression ne marche pas pour le moment.</source>
        <translation>Printing does not work for now.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="69"/>
        <source>Aucune imprimante n&apos;est disponible.</source>
        <translation>No printer is available.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="70"/>
        <source>L&apos;impression a été refusée.</source>
        <translation>The print was refused.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="72"/>
        <source>L&apos;impression n&apos;a pas pu se faire.</source>
        <translation>The print could not be done.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="73"/>
        <source>Réessayez, ou demandez de l&apos;aide à un conseiller.</source>
        <translation>Try again, or ask an advisor for help.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="76"/>
        <source>L&apos;impression a été annulée.</source>
        <translation>The print was cancelled.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="77"/>
        <source>Vous pouvez la relancer.</source>
        <translation>You can start it again.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="80"/>
        <source>Ce document ne peut pas être imprimé.</source>
        <translation>This document cannot be printed.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="84"/>
        <source>Vous avez atteint la limite de pages.</source>
        <translation>You have reached the page limit.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="85"/>
        <location filename="../../devices/printer/messages.py" line="97"/>
        <source>Demandez à un conseiller si vous devez imprimer plus.</source>
        <translation>Ask an advisor if you need to print more.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="96"/>
        <source>Vous avez imprimé toutes vos pages gratuites.</source>
        <translation>You have printed all your free pages.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="100"/>
        <source>Ce document fait 1 page à imprimer.</source>
        <translation>This document has 1 page to print.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="102"/>
        <source>Ce document fait {n} pages à imprimer.</source>
        <translation>This document has {n} pages to print.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="110"/>
        <source>Vous pouvez encore imprimer 1 page.</source>
        <translation>You can still print 1 page.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="112"/>
        <source>Vous pouvez encore imprimer {n} pages.</source>
        <translation>You can still print {n} pages.</translation>
    </message>
    <message>
        <location filename="../../devices/printer/messages.py" line="119"/>
        <source>Pages imprimées : %1 sur %2.</source>
        <translation>Pages printed: %1 of %2.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../devices/printing.py" line="69"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../devices/printing.py" line="70"/>
        <source>Un document téléchargé ou scanné</source>
        <translation>A downloaded or scanned document</translation>
    </message>
    <message>
        <location filename="../../devices/printing.py" line="80"/>
        <source>Photocopier</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../devices/printing.py" line="81"/>
        <source>Scanner un papier puis l&apos;imprimer</source>
        <translation>Scan a paper, then print it</translation>
    </message>
    <message>
        <location filename="../../devices/printing.py" line="119"/>
        <source>l&apos;impression en cours</source>
        <translation>the print in progress</translation>
    </message>
</context>
<context>
    <name>ProgressStep</name>
    <message>
        <location filename="../../devices/printer/steps/progress.py" line="43"/>
        <source>Impression en cours…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/progress.py" line="38"/>
        <source>Annuler l&apos;impression</source>
        <translation>Cancel printing</translation>
    </message>
    <message>
        <location filename="../../devices/printer/steps/progress.py" line="40"/>
        <source>Préparation du document…</source>
        <translation>Preparing the document…</translation>
    </message>
</context>
<context>
    <name>QuestionPage</name>
    <message>
        <location filename="../../diagnostic/views/question_page.py" line="49"/>
        <source>Pour finir, quelques questions sur votre téléphone.</source>
        <translation>To finish, a few questions about your phone.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/question_page.py" line="50"/>
        <source>Passer</source>
        <translation>Skip</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../diagnostic/views/read_aloud.py" line="41"/>
        <source>Écouter</source>
        <translation>Listen</translation>
    </message>
</context>
<context>
    <name>ReloadPage</name>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="75"/>
        <source>Recharger la configuration</source>
        <translation>Reload the configuration</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="76"/>
        <source>Vérifier à nouveau</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="79"/>
        <source>Vérification de la configuration…</source>
        <translation>Checking the configuration…</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="81"/>
        <source>La configuration n&apos;a pas pu être lue. La borne continue comme avant.</source>
        <translation>The configuration could not be read. The kiosk goes on as before.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="83"/>
        <source>La configuration a un problème. La borne garde celle qui marche.</source>
        <translation>The configuration has one problem. The kiosk keeps the one that works.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="85"/>
        <source>La configuration a {n} problèmes. La borne garde celle qui marche.</source>
        <translation>The configuration has {n} problems. The kiosk keeps the one that works.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="89"/>
        <source>La configuration est valide. La borne redémarre pour l&apos;appliquer.</source>
        <translation>The configuration is valid. The kiosk restarts to apply it.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="138"/>
        <source>Rapport de la borne</source>
        <translation>Kiosk report</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="139"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="141"/>
        <source>Préparation du rapport…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="143"/>
        <source>Le rapport n&apos;a pas pu être fait.</source>
        <translation>The report could not be made.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/technician_pages.py" line="145"/>
        <source>Le rapport de kiosk check, en anglais pour le technicien :</source>
        <translation>The kiosk check report, in English for the technician:</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="67"/>
        <source>Votre groupe : {group}</source>
        <translation>Your group: {group}</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="68"/>
        <source>Imprimer ma fiche</source>
        <translation>Print my sheet</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="69"/>
        <source>Revenir à l&apos;accueil</source>
        <translation>Back to the home screen</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="70"/>
        <source>Gardez votre fiche. Un conseiller peut vous aider.</source>
        <translation>Keep your sheet. An advisor can help you.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="72"/>
        <source>La fiche n&apos;a pas pu être préparée. Demandez de l&apos;aide à un conseiller.</source>
        <translation>The sheet could not be made. Ask an advisor for help.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="74"/>
        <source>Votre code, à montrer à un conseiller :</source>
        <translation>Your code, to show an advisor:</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="77"/>
        <source>{name} : {address}</source>
        <translation>{name}: {address}</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/result_page.py" line="80"/>
        <source>Vous voulez apprendre à :</source>
        <translation>You want to learn to:</translation>
    </message>
</context>
<context>
    <name>ResultSheet</name>
    <message>
        <location filename="../../diagnostic/result_sheet.py" line="28"/>
        <source>Ma fiche diagnostic</source>
        <translation>My skills sheet</translation>
    </message>
    <message>
        <location filename="../../diagnostic/result_sheet.py" line="77"/>
        <source>Mon niveau par domaine</source>
        <translation>My level in each area</translation>
    </message>
    <message>
        <location filename="../../diagnostic/result_sheet.py" line="83"/>
        <source>Mon groupe : {group}</source>
        <translation>My group: {group}</translation>
    </message>
    <message>
        <location filename="../../diagnostic/result_sheet.py" line="88"/>
        <source>Pour la suite</source>
        <translation>What comes next</translation>
    </message>
    <message>
        <location filename="../../diagnostic/result_sheet.py" line="95"/>
        <source>Vous voulez apprendre à :</source>
        <translation>You want to learn to:</translation>
    </message>
    <message>
        <location filename="../../diagnostic/result_sheet.py" line="100"/>
        <source>Mon code, à montrer à un conseiller :</source>
        <translation>My code, to show an advisor:</translation>
    </message>
    <message>
        <location filename="../../diagnostic/result_sheet.py" line="102"/>
        <source>Ce code ne dit pas qui vous êtes.</source>
        <translation>This code does not say who you are.</translation>
    </message>
</context>
<context>
    <name>ScanChooseStep</name>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="42"/>
        <source>Une feuille</source>
        <translation>One sheet</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="43"/>
        <source>Plusieurs feuilles</source>
        <translation>Several sheets</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="44"/>
        <source>Une carte ou une photo</source>
        <translation>A card or a photo</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="50"/>
        <source>Ne pas scanner</source>
        <translation>Do not scan</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="41"/>
        <source>Touchez votre choix. La borne règle le scanner pour vous.</source>
        <translation>Touch your choice. The kiosk sets the scanner for you.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="46"/>
        <source>Que voulez-vous photocopier ?</source>
        <translation>What do you want to photocopy?</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="47"/>
        <source>Ne pas photocopier</source>
        <translation>Do not copy</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/choose.py" line="49"/>
        <source>Que voulez-vous scanner ?</source>
        <translation>What do you want to scan?</translation>
    </message>
</context>
<context>
    <name>ScanDoneStep</name>
    <message>
        <location filename="../../devices/scanner/steps/done.py" line="47"/>
        <source>Imprimer</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/done.py" line="48"/>
        <source>Garder pour l&apos;envoyer sur un site</source>
        <translation>Keep it to send to a website</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/done.py" line="49"/>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/done.py" line="51"/>
        <source>Sur le site, touchez le bouton pour ajouter un document ou un fichier.</source>
        <translation>On the site, touch the button to add a document or a file.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/done.py" line="53"/>
        <source>La borne vous proposera alors ce document.</source>
        <translation>The kiosk will then offer you this document.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/done.py" line="55"/>
        <source>Votre document est prêt.</source>
        <translation>Your document is ready.</translation>
    </message>
</context>
<context>
    <name>ScanProblemStep</name>
    <message>
        <location filename="../../devices/scanner/steps/problem.py" line="38"/>
        <source>Recommencer</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/problem.py" line="39"/>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ScanWizard</name>
    <message>
        <location filename="../../devices/scanner/wizard.py" line="97"/>
        <source>Photocopier</source>
        <translation>Photocopy</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/wizard.py" line="97"/>
        <source>Scanner</source>
        <translation>Scan</translation>
    </message>
</context>
<context>
    <name>ScannerMessages</name>
    <message>
        <location filename="../../devices/scanner/messages.py" line="25"/>
        <source>Le scanner ne répond pas.</source>
        <translation>The scanner does not answer.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="26"/>
        <source>Vérifiez qu&apos;il est allumé, puis demandez de l&apos;aide au conseiller.</source>
        <translation>Check that it is on, then ask the advisor for help.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="32"/>
        <source>Le scanner est occupé.</source>
        <translation>The scanner is busy.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="33"/>
        <source>Attendez un moment, puis touchez « Recommencer ».</source>
        <translation>Wait a moment, then touch “Try again”.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="38"/>
        <source>Fermez-le, puis touchez « Recommencer ».</source>
        <translation>Close it, then touch “Try again”.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="43"/>
        <source>Retirez-la doucement, puis touchez « Recommencer ».</source>
        <translation>Remove it gently, then touch “Try again”.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="48"/>
        <source>Posez vos feuilles dans le chargeur, puis touchez « Recommencer ».</source>
        <translation>Put your sheets in the feeder, then touch “Try again”.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="55"/>
        <source>Touchez « Recommencer » quand vous êtes prêt.</source>
        <translation>Touch “Try again” when you are ready.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="60"/>
        <location filename="../../devices/scanner/messages.py" line="67"/>
        <location filename="../../devices/scanner/messages.py" line="82"/>
        <source>Touchez « Recommencer ». Si cela recommence, demandez de l&apos;aide.</source>
        <translation>Touch “Try again”. If it happens again, ask for help.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="74"/>
        <source>Vérifiez qu&apos;il est allumé, puis touchez « Recommencer ».</source>
        <translation>Check that it is on, then touch “Try again”.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="37"/>
        <source>Le couvercle du scanner est ouvert.</source>
        <translation>The scanner&apos;s lid is open.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="42"/>
        <source>Une feuille est coincée dans le scanner.</source>
        <translation>A sheet is stuck in the scanner.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="47"/>
        <source>Il n&apos;y a pas de feuille dans le chargeur.</source>
        <translation>There is no sheet in the feeder.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="54"/>
        <source>Vous avez arrêté la numérisation.</source>
        <translation>You stopped the scan.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="59"/>
        <source>Le scanner a eu un problème.</source>
        <translation>The scanner had a problem.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="66"/>
        <source>Le scanner s&apos;est arrêté d&apos;un coup.</source>
        <translation>The scanner suddenly stopped.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="73"/>
        <source>Le scanner ne répond plus.</source>
        <translation>The scanner no longer answers.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/messages.py" line="81"/>
        <source>Le document n&apos;a pas pu être créé.</source>
        <translation>The document could not be made.</translation>
    </message>
</context>
<context>
    <name>Scanning</name>
    <message>
        <location filename="../../devices/scanning.py" line="47"/>
        <source>Scanner</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../devices/scanning.py" line="48"/>
        <source>Un papier ou une carte, pour l&apos;envoyer sur un site</source>
        <translation>A paper or a card, to send it to a website</translation>
    </message>
    <message>
        <location filename="../../devices/scanning.py" line="78"/>
        <source>le scan en cours</source>
        <translation>the scan in progress</translation>
    </message>
    <message>
        <location filename="../../devices/scanning.py" line="80"/>
        <source>les pages que vous venez de scanner</source>
        <translation>the pages you have just scanned</translation>
    </message>
</context>
<context>
    <name>ScanningStep</name>
    <message>
        <location filename="../../devices/scanner/steps/scanning.py" line="36"/>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/scanning.py" line="38"/>
        <source>Numérisation en cours…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/scanning.py" line="39"/>
        <source>Ne soulevez pas le couvercle.</source>
        <translation>Do not lift the lid.</translation>
    </message>
    <message>
        <location filename="../../devices/scanner/steps/scanning.py" line="41"/>
        <source>Préparation du document…</source>
        <translation>Preparing the document…</translation>
    </message>
</context>
<context>
    <name>SessionFiles</name>
    <message>
        <location filename="../../shell/session_files.py" line="27"/>
        <source>votre document (téléchargé ou scanné)</source>
        <translation>your document (downloaded or scanned)</translation>
    </message>
    <message>
        <location filename="../../shell/session_files.py" line="29"/>
        <source>vos {n} documents (téléchargés ou scannés)</source>
        <translation>your {n} documents (downloaded or scanned)</translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="89"/>
        <source>État de la borne</source>
        <translation>Kiosk status</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="90"/>
        <source>Actualiser</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="92"/>
        <source>Imprimante</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="93"/>
        <source>Scanner</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="94"/>
        <source>Réseau</source>
        <translation>Network</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="95"/>
        <source>Serveur central</source>
        <translation>Central server</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="96"/>
        <source>En attente</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="97"/>
        <source>Dernier envoi</source>
        <translation>Last sending</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="98"/>
        <source>Dernier signal</source>
        <translation>Last signal</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="106"/>
        <source>Connecté.</source>
        <translation>Connected.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="107"/>
        <source>Pas de réseau.</source>
        <translation>No network.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="108"/>
        <source>La borne ne peut pas le savoir.</source>
        <translation>The kiosk cannot tell.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="119"/>
        <source>{n} ligne de comptage à envoyer.</source>
        <translation>{n} count row to send.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="121"/>
        <source>{n} lignes de comptage à envoyer.</source>
        <translation>{n} count rows to send.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="129"/>
        <location filename="../../advisor/assisted/status_page.py" line="173"/>
        <source>Lecture…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="131"/>
        <source>Prête.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="132"/>
        <source>En train d&apos;imprimer.</source>
        <translation>Printing.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="133"/>
        <source>L&apos;impression est arrêtée sur ce site.</source>
        <translation>Printing is turned off at this site.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="134"/>
        <source>Plus de papier.</source>
        <translation>Out of paper.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="135"/>
        <source>Presque plus de papier.</source>
        <translation>Almost out of paper.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="136"/>
        <source>Du papier est coincé.</source>
        <translation>Paper is jammed.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="137"/>
        <source>Une porte de l&apos;imprimante est ouverte.</source>
        <translation>A door of the printer is open.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="138"/>
        <source>Plus d&apos;encre.</source>
        <translation>Out of ink.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="139"/>
        <source>Presque plus d&apos;encre.</source>
        <translation>Almost out of ink.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="140"/>
        <source>Éteinte ou débranchée.</source>
        <translation>Switched off or unplugged.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="141"/>
        <source>Arrêtée dans le système d&apos;impression.</source>
        <translation>Stopped in the printing system.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="142"/>
        <source>Elle refuse les impressions.</source>
        <translation>It refuses print jobs.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="143"/>
        <source>En erreur. Regardez son écran.</source>
        <translation>In error. Look at its screen.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="144"/>
        <source>Le système d&apos;impression ne répond pas.</source>
        <translation>The printing system does not answer.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="145"/>
        <source>Aucune imprimante installée.</source>
        <translation>No printer is installed.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="146"/>
        <source>Le système d&apos;impression refuse la borne.</source>
        <translation>The printing system refuses the kiosk.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="150"/>
        <source>État inconnu.</source>
        <translation>Unknown state.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="150"/>
        <location filename="../../advisor/assisted/status_page.py" line="166"/>
        <source>État inconnu : {code}.</source>
        <translation>Unknown state: {code}.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="155"/>
        <source>Pas encore utilisé depuis le démarrage.</source>
        <translation>Not used since the start yet.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="156"/>
        <source>Prêt.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="157"/>
        <source>En train de scanner.</source>
        <translation>Scanning.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="158"/>
        <source>Introuvable. Vérifiez qu&apos;il est allumé et branché.</source>
        <translation>Not found. Check that it is on and plugged in.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="159"/>
        <source>Occupé.</source>
        <translation>Busy.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="160"/>
        <source>Le capot est ouvert.</source>
        <translation>The lid is open.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="161"/>
        <source>Une feuille est coincée.</source>
        <translation>A sheet is jammed.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="162"/>
        <source>Le dernier scan a échoué.</source>
        <translation>The last scan failed.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="163"/>
        <source>Le dernier scan s&apos;est arrêté net.</source>
        <translation>The last scan stopped suddenly.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="164"/>
        <source>Le dernier scan ne répondait plus.</source>
        <translation>The last scan stopped answering.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="171"/>
        <source>La borne n&apos;a pas pu lire cet état.</source>
        <translation>The kiosk could not read this state.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="175"/>
        <source>Ce site n&apos;a pas de serveur central.</source>
        <translation>This site has no central server.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="177"/>
        <source>Les envois sont suspendus. Le technicien voit pourquoi avec kiosk check.</source>
        <translation>Sending is paused. The technician sees why with kiosk check.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="179"/>
        <source>La borne n&apos;arrive pas à joindre le serveur central. Elle réessaie toute seule.</source>
        <translation>The kiosk cannot reach the central server. It tries again by itself.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="181"/>
        <source>Rien n&apos;a encore été envoyé.</source>
        <translation>Nothing has been sent yet.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="182"/>
        <source>Les envois se passent bien.</source>
        <translation>Sending works well.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="186"/>
        <source>Jamais.</source>
        <translation>Never.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="188"/>
        <source>fr_FR</source>
        <comment>the locale dates are written in</comment>
        <translation>en_GB</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/status_page.py" line="189"/>
        <source>&apos;Le&apos; d MMMM &apos;à&apos; H &apos;h&apos; mm.</source>
        <translation>d MMMM &apos;at&apos; HH:mm.</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <location filename="../../shell/stepper.py" line="40"/>
        <source>Moins</source>
        <translation>Less</translation>
    </message>
    <message>
        <location filename="../../shell/stepper.py" line="41"/>
        <source>Plus</source>
        <translation>More</translation>
    </message>
</context>
<context>
    <name>Tile</name>
    <message>
        <location filename="../../shell/tile.py" line="74"/>
        <source>Hors ligne</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../shell/tile.py" line="75"/>
        <source>Hors ligne.</source>
        <translation>Offline.</translation>
    </message>
</context>
<context>
    <name>ToolPage</name>
    <message>
        <location filename="../../advisor/assisted/tool_page.py" line="37"/>
        <source>Revenir aux outils</source>
        <translation>Back to the tools</translation>
    </message>
</context>
<context>
    <name>ToolsScreen</name>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="31"/>
        <source>Ouvrir un site</source>
        <translation>Open a website</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="32"/>
        <source>Lire un code de diagnostic</source>
        <translation>Read a diagnostic code</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="33"/>
        <source>État de la borne</source>
        <translation>Kiosk status</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="34"/>
        <source>Demandes d&apos;aide</source>
        <translation>Help requests</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="35"/>
        <source>Terminer la session du visiteur</source>
        <translation>End the visitor&apos;s session</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="36"/>
        <source>Recharger la configuration</source>
        <translation>Reload the configuration</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="37"/>
        <source>Rapport de la borne</source>
        <translation>Kiosk report</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="38"/>
        <source>Quitter vers le bureau</source>
        <translation>Quit to the desktop</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="113"/>
        <location filename="../../advisor/assisted/tools_screen.py" line="114"/>
        <source>Outils du conseiller</source>
        <translation>Advisor&apos;s tools</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="116"/>
        <source>Vous êtes {name}, technicien.</source>
        <translation>You are {name}, technician.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/tools_screen.py" line="118"/>
        <source>Vous êtes {name}, conseiller.</source>
        <translation>You are {name}, advisor.</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../shell/top_bar.py" line="52"/>
        <source>Accueil</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../shell/top_bar.py" line="53"/>
        <source>Appeler un conseiller</source>
        <translation>Call an advisor</translation>
    </message>
    <message>
        <location filename="../../shell/top_bar.py" line="54"/>
        <source>Terminer ma session</source>
        <translation>End my session</translation>
    </message>
</context>
<context>
    <name>TypingExercise</name>
    <message>
        <location filename="../../diagnostic/views/forms.py" line="68"/>
        <source>Valider</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="79"/>
        <source>Espace conseiller</source>
        <translation>Advisor area</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="80"/>
        <source>Qui êtes-vous ?</source>
        <translation>Who are you?</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="82"/>
        <source>Les comptes n&apos;ont pas pu être lus. Réessayez dans un moment.</source>
        <translation>The accounts could not be read. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="84"/>
        <source>Recherche des comptes…</source>
        <translation>Looking for the accounts…</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="86"/>
        <source>Touchez votre nom.</source>
        <translation>Touch your name.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="90"/>
        <source>Aucun compte conseiller sur cette borne. Le technicien en ajoute un avec la commande : kiosk advisor add NOM --role advisor</source>
        <translation>No advisor account on this kiosk. The technician adds one with the command: kiosk advisor add NAME --role advisor</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="94"/>
        <source>Revenir à l&apos;accueil</source>
        <translation>Back to the home screen</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="95"/>
        <source>{name}, tapez votre code.</source>
        <translation>{name}, type your code.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="96"/>
        <source>Changer de nom</source>
        <translation>Choose another name</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="154"/>
        <source>Vérification du code…</source>
        <translation>Checking the code…</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="157"/>
        <source>Code incorrect. Il reste 1 essai.</source>
        <translation>Wrong code. 1 try left.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="158"/>
        <source>Code incorrect. Il reste {n} essais.</source>
        <translation>Wrong code. {n} tries left.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="162"/>
        <source>Trop d&apos;essais. Réessayez dans 1 minute.</source>
        <translation>Too many tries. Try again in 1 minute.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="163"/>
        <source>Trop d&apos;essais. Réessayez dans {n} minutes.</source>
        <translation>Too many tries. Try again in {n} minutes.</translation>
    </message>
    <message>
        <location filename="../../advisor/assisted/unlock_screen.py" line="165"/>
        <source>Le code n&apos;a pas pu être vérifié. Réessayez.</source>
        <translation>The code could not be checked. Try again.</translation>
    </message>
</context>
<context>
    <name>WebPageExercise</name>
    <message>
        <location filename="../../diagnostic/views/web.py" line="92"/>
        <source>Retour</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../diagnostic/views/welcome_page.py" line="44"/>
        <source>Quelques petits exercices pour voir ce que vous savez déjà faire.</source>
        <translation>A few small exercises to see what you can already do.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/welcome_page.py" line="45"/>
        <source>Cela prend 10 à 15 minutes.</source>
        <translation>It takes 10 to 15 minutes.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/welcome_page.py" line="46"/>
        <source>Ce n&apos;est pas un examen. Vous pouvez passer un exercice.</source>
        <translation>It is not an exam. You can skip an exercise.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/welcome_page.py" line="47"/>
        <source>Rien n&apos;est gardé : tout s&apos;efface à la fin.</source>
        <translation>Nothing is kept: everything is erased at the end.</translation>
    </message>
    <message>
        <location filename="../../diagnostic/views/welcome_page.py" line="51"/>
        <source>Commencer</source>
        <translation>Start</translation>
    </message>
</context>
</TS>
