/**
 * The four contract templates a new studio starts with, in French and English. Studios edit their
 * own copies (contract_templates rows); these texts only seed them. Merge fields: see
 * contract-merge-values.ts for the full list.
 */
export const CONTRACT_KINDS = ["studio_rental", "recording_agreement", "mixing_mastering", "producer_work_for_hire"] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const DOCUMENT_LANGUAGES = ["fr", "en"] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export interface DefaultTemplate {
  kind: ContractKind;
  language: DocumentLanguage;
  name: string;
  body: string;
}

const PARTIES_FR = `Entre {{studio.name}}, {{studio.address}}, SIRET {{studio.siret}}, TVA {{studio.vat_number}} (« le Studio »),
et {{client.name}}, {{client.address}} (« le Client »).`;
const PARTIES_EN = `Between {{studio.name}}, {{studio.address}}, company no. {{studio.siret}}, VAT {{studio.vat_number}} ("the Studio"),
and {{client.name}}, {{client.address}} ("the Client").`;

const MONEY_FR = `Tarifs : {{rates}}
Montant total TTC : {{total}}. Acompte de {{deposit_percent}} ({{deposit}}) à verser à la réservation ; le solde est dû à l'issue des séances.

Annulation : {{cancellation_policy}}`;
const MONEY_EN = `Rates: {{rates}}
Total including VAT: {{total}}. A deposit of {{deposit_percent}} ({{deposit}}) is due on booking; the balance is due at the end of the sessions.

Cancellation: {{cancellation_policy}}`;

const SESSIONS_FR = `Séances (heure de {{location.name}}) :
{{sessions}}
Salles : {{rooms}}`;
const SESSIONS_EN = `Sessions ({{location.name}} time):
{{sessions}}
Rooms: {{rooms}}`;

const END_FR = `Fait à {{location.name}}, le {{contract.date}}.`;
const END_EN = `Made at {{location.name}} on {{contract.date}}.`;

export const DEFAULT_CONTRACT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    kind: "studio_rental", language: "fr", name: "Location de studio",
    body: `CONTRAT DE LOCATION DE STUDIO

${PARTIES_FR}

1. Objet. Le Studio met à la disposition du Client les salles et le matériel désignés ci-dessous, pour les séances suivantes.
${SESSIONS_FR}

2. Conditions financières.
${MONEY_FR}

3. Utilisation. Le Client utilise les lieux et le matériel avec soin et répond des dégradations causées par lui ou ses invités. Les horaires incluent l'installation et le rangement.

${END_FR}`,
  },
  {
    kind: "studio_rental", language: "en", name: "Studio rental",
    body: `STUDIO RENTAL AGREEMENT

${PARTIES_EN}

1. Purpose. The Studio makes the rooms and equipment below available to the Client for the following sessions.
${SESSIONS_EN}

2. Fees.
${MONEY_EN}

3. Use. The Client uses the premises and equipment with care and is liable for damage caused by them or their guests. Times include set-up and tear-down.

${END_EN}`,
  },
  {
    kind: "recording_agreement", language: "fr", name: "Contrat d'enregistrement",
    body: `CONTRAT D'ENREGISTREMENT

${PARTIES_FR}

1. Objet. Le Studio réalise l'enregistrement du projet « {{project.name}} » du Client, avec son personnel technique, lors des séances suivantes.
${SESSIONS_FR}

2. Conditions financières.
${MONEY_FR}

3. Propriété des enregistrements. Les enregistrements appartiennent au Client une fois le prix intégralement payé. Le Studio conserve une copie de sauvegarde pendant 90 jours.

${END_FR}`,
  },
  {
    kind: "recording_agreement", language: "en", name: "Recording agreement",
    body: `RECORDING AGREEMENT

${PARTIES_EN}

1. Purpose. The Studio records the Client's project "{{project.name}}" with its engineering staff during the following sessions.
${SESSIONS_EN}

2. Fees.
${MONEY_EN}

3. Ownership. The recordings belong to the Client once the price is paid in full. The Studio keeps a backup copy for 90 days.

${END_EN}`,
  },
  {
    kind: "mixing_mastering", language: "fr", name: "Mixage / mastering",
    body: `CONTRAT DE MIXAGE ET DE MASTERING

${PARTIES_FR}

1. Objet. Le Studio réalise le mixage et/ou le mastering du projet « {{project.name}} » à partir des fichiers fournis par le Client.
${SESSIONS_FR}

2. Conditions financières.
${MONEY_FR}

3. Retouches. Deux séries de retouches sont comprises ; au-delà, elles sont facturées au tarif horaire.

${END_FR}`,
  },
  {
    kind: "mixing_mastering", language: "en", name: "Mixing / mastering",
    body: `MIXING AND MASTERING AGREEMENT

${PARTIES_EN}

1. Purpose. The Studio mixes and/or masters the project "{{project.name}}" from the files supplied by the Client.
${SESSIONS_EN}

2. Fees.
${MONEY_EN}

3. Revisions. Two rounds of revisions are included; further revisions are charged at the hourly rate.

${END_EN}`,
  },
  {
    kind: "producer_work_for_hire", language: "fr", name: "Production (commande)",
    body: `CONTRAT DE RÉALISATION ARTISTIQUE (COMMANDE)

${PARTIES_FR}

1. Objet. Le Studio, par son réalisateur, assure la production artistique du projet « {{project.name}} » pour le compte du Client, lors des séances suivantes.
${SESSIONS_FR}

2. Conditions financières.
${MONEY_FR}

3. Droits. Les prestations sont réalisées sur commande : les droits patrimoniaux sur les enregistrements sont cédés au Client dès le paiement intégral, sans redevance supplémentaire, le réalisateur conservant son droit au nom.

${END_FR}`,
  },
  {
    kind: "producer_work_for_hire", language: "en", name: "Producer (work for hire)",
    body: `PRODUCER AGREEMENT (WORK FOR HIRE)

${PARTIES_EN}

1. Purpose. The Studio, through its producer, produces the Client's project "{{project.name}}" during the following sessions.
${SESSIONS_EN}

2. Fees.
${MONEY_EN}

3. Rights. The work is made for hire: the rights in the recordings pass to the Client on full payment, with no further royalty; the producer keeps the right to be credited.

${END_EN}`,
  },
];

/**
 * The id a default template has in one studio: derived from the studio, kind and language (a
 * version-8 UUID from their digest), so every desk names the same default the same way, and two
 * desks that edit it offline edit one row (merged field by field), never two copies. `digest` is
 * a SHA-256 of its text as hex (shared/ stays free of Node's crypto).
 */
export function defaultTemplateId(digest: (text: string) => string, tenantId: string, kind: ContractKind, language: DocumentLanguage): string {
  const h = digest(`contract-template:${tenantId}:${kind}:${language}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
