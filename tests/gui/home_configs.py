"""Shortcuts files for the home's fit tests: the biggest realistic config (16 shortcuts in 6 categories, with
labels and descriptions like the bundled ones) and one category too long for a page."""

from __future__ import annotations

import json

CATEGORIES = [
    ("droits", "Aides, droits et emploi"),
    ("sante", "Santé"),
    ("papiers-impots", "Impôts, papiers et retraite"),
    ("courrier", "Courrier et colis"),
    ("logement", "Logement et énergie"),
    ("famille", "Famille et école"),
]

SHORTCUTS = [  # id, label, description, icon, category
    (
        "service-public",
        "Service Public",
        "Vos droits et vos démarches, expliqués simplement",
        "landmark",
        "droits",
    ),
    ("caf", "CAF", "Allocations familiales, aide au logement, RSA", "users", "droits"),
    (
        "france-travail",
        "France Travail",
        "Chercher un emploi, vous inscrire, vos allocations",
        "briefcase",
        "droits",
    ),
    (
        "formation",
        "Mon Compte Formation",
        "Vos droits à la formation, trouver une formation",
        "clipboard-list",
        "droits",
    ),
    ("msa", "MSA", "Santé, famille et retraite des agriculteurs", "tractor", "sante"),
    ("ameli", "ameli", "Assurance Maladie : remboursements, carte Vitale", "stethoscope", "sante"),
    (
        "mon-espace-sante",
        "Mon espace santé",
        "Vos documents de santé au même endroit",
        "heart-pulse",
        "sante",
    ),
    ("retraite", "Ma retraite", "Votre carrière, demander votre retraite", "armchair", "papiers-impots"),
    ("impots", "Impôts", "Déclarer vos revenus, payer vos impôts", "receipt-euro", "papiers-impots"),
    ("ants", "ANTS", "Carte grise, permis de conduire, carte d'identité", "id-card", "papiers-impots"),
    ("la-poste", "La Poste", "Suivre un colis, envoyer une lettre", "mail", "courrier"),
    ("digiposte", "Digiposte", "Garder vos papiers importants en lieu sûr", "files", "courrier"),
    (
        "cheque-energie",
        "Chèque énergie",
        "Savoir si vous y avez droit et l'utiliser",
        "receipt-euro",
        "logement",
    ),
    (
        "action-logement",
        "Action Logement",
        "Trouver un logement, une aide pour le loyer",
        "house",
        "logement",
    ),
    ("educonnect", "ÉduConnect", "Suivre l'école de vos enfants, les bourses", "users", "famille"),
    ("pajemploi", "Pajemploi", "Déclarer et payer la garde de vos enfants", "hand-helping", "famille"),
]


def shortcuts_yaml(shortcuts: list[tuple[str, str, str, str, str]], categories: list[tuple[str, str]]) -> str:
    """A shortcuts.yaml (YAML is a superset of JSON: each value is written as JSON)."""
    lines = ["version: 1", "categories:"]
    lines += [f"  - {{id: {i}, label: {json.dumps(label)}}}" for i, label in categories]
    lines += ["identity_providers: []", "shortcuts:"]
    for number, (item_id, label, description, icon, category) in enumerate(shortcuts):
        lines += [
            f"  - id: {item_id}",
            f"    label: {json.dumps(label)}",
            f"    description: {json.dumps(description)}",
            f"    icon: {icon}",
            f'    url: "https://127.0.0.1:59999/{item_id}"',
            '    allowed_domains: ["127.0.0.1"]',
            f"    category: {category}",
            f'    offline_help: {{phone: "01000000{number:02d}"}}',
        ]
    return "\n".join(lines) + "\n"


SIXTEEN = shortcuts_yaml(SHORTCUTS, CATEGORIES)
# every shortcut in one category: more than a page holds at either size
ONE_LONG_CATEGORY = shortcuts_yaml([(*s[:4], "droits") for s in SHORTCUTS], CATEGORIES[:1])
