import type { ClientFields } from "../../../shared/schemas/client";
import type { EquipmentFields } from "../../../shared/schemas/equipment";
import type { LocationFieldsInput } from "../../../shared/schemas/location";
import { defaultWeeklyHours } from "../../../shared/schemas/opening-hours";
import type { RoomFields } from "../../../shared/schemas/room";
import type { StaffFields } from "../../../shared/schemas/staff";

/** A believable two-city studio so a newcomer can try every screen on first start. */
export const DEMO_STUDIO = { name: "Studio Lumière", currency: "EUR" };

export const DEMO_LOCATIONS: (LocationFieldsInput & { key: "paris" | "london" })[] = [
  {
    key: "paris",
    name: "Lumière Paris — Pigalle",
    timeZone: "Europe/Paris",
    address: "12 rue Frochot, 75009 Paris",
    phone: "+33 1 42 80 00 00",
    email: "paris@studio-lumiere.fr",
    openingHours: {
      ...defaultWeeklyHours(),
      fri: [{ open: "10:00", close: "24:00" }],
      sat: [{ open: "10:00", close: "24:00" }],
    },
    closures: [
      { from: "2026-12-24", to: "2026-12-26", reason: "Noël" },
      { from: "2027-01-01", to: "2027-01-01", reason: "Jour de l'an" },
    ],
  },
  {
    key: "london",
    name: "Lumière London — Hackney",
    timeZone: "Europe/London",
    address: "48 Mare Street, London E8 4RP",
    phone: "+44 20 7946 0000",
    email: "london@studio-lumiere.fr",
    openingHours: defaultWeeklyHours(),
    closures: [{ from: "2026-12-25", to: "2026-12-26", reason: "Christmas" }],
  },
];

type RoomBookingRules = "minDurationMinutes" | "maxDurationMinutes" | "minNoticeMinutes" | "maxHorizonDays";
/** Booking rules left out take the defaults; a few rooms set their own so the rules show in the demo. */
type DemoRoom = Omit<RoomFields, "locationId" | "notes" | RoomBookingRules> &
  Partial<Pick<RoomFields, RoomBookingRules>> & { at: "paris" | "london"; notes?: string };
export const DEMO_ROOMS: DemoRoom[] = [
  { at: "paris", name: "Studio A — Neve", type: "recording", hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000, vatRateBp: 2000, capacity: 12, colour: "#c2410c", bookable: true, setupMinutes: 30, teardownMinutes: 30, minDurationMinutes: 120, notes: "Console Neve 8078, live room 60 m²" },
  { at: "paris", name: "Studio B — SSL", type: "mixing", hourlyRateCents: 7000, halfDayRateCents: 25000, dayRateCents: 45000, vatRateBp: 2000, capacity: 6, colour: "#0f766e", bookable: true, setupMinutes: 15, teardownMinutes: 15 },
  { at: "paris", name: "Cabine Mastering", type: "mastering", hourlyRateCents: 8000, halfDayRateCents: 28000, dayRateCents: 50000, vatRateBp: 2000, capacity: 3, colour: "#6d28d9", bookable: true, setupMinutes: 0, teardownMinutes: 15, minNoticeMinutes: 240 },
  { at: "paris", name: "Salle de répétition", type: "rehearsal", hourlyRateCents: 2500, halfDayRateCents: 8500, dayRateCents: 15000, vatRateBp: 2000, capacity: 8, colour: "#b45309", bookable: true, setupMinutes: 0, teardownMinutes: 10 },
  { at: "london", name: "Live Room", type: "recording", hourlyRateCents: 8500, halfDayRateCents: 30000, dayRateCents: 55000, vatRateBp: 2000, capacity: 10, colour: "#1d4ed8", bookable: true, setupMinutes: 30, teardownMinutes: 30 },
  { at: "london", name: "Podcast Booth", type: "podcast", hourlyRateCents: 4000, halfDayRateCents: 14000, dayRateCents: 25000, vatRateBp: 2000, capacity: 4, colour: "#be185d", bookable: true, setupMinutes: 10, teardownMinutes: 10, minDurationMinutes: 30 },
];

type DemoStaff = Omit<StaffFields, "locationId" | "notes" | "email" | "phone"> & { at: "paris" | "london"; email: string; phone: string };
export const DEMO_STAFF: DemoStaff[] = [
  { at: "paris", name: "Camille Rousseau", role: "engineer", email: "camille@studio-lumiere.fr", phone: "+33 6 12 34 56 78", hourlyRateCents: 4500, dayRateCents: 32000, colour: "#0ea5e9" },
  { at: "paris", name: "Hugo Lefèvre", role: "engineer", email: "hugo@studio-lumiere.fr", phone: "+33 6 23 45 67 89", hourlyRateCents: 4000, dayRateCents: 28000, colour: "#22c55e" },
  { at: "paris", name: "Inès Benali", role: "engineer", email: "ines@studio-lumiere.fr", phone: "+33 6 34 56 78 90", hourlyRateCents: 5000, dayRateCents: 36000, colour: "#f97316" },
  { at: "london", name: "Oliver Hayes", role: "engineer", email: "oliver@studio-lumiere.fr", phone: "+44 7700 900123", hourlyRateCents: 4500, dayRateCents: 32000, colour: "#a855f7" },
  { at: "london", name: "Priya Natarajan", role: "engineer", email: "priya@studio-lumiere.fr", phone: "+44 7700 900456", hourlyRateCents: 4800, dayRateCents: 34000, colour: "#ec4899" },
  { at: "paris", name: "Léa Martin", role: "assistant", email: "lea@studio-lumiere.fr", phone: "+33 6 45 67 89 01", hourlyRateCents: 2000, dayRateCents: 14000, colour: "#64748b" },
  { at: "paris", name: "Nadia Haddad", role: "front_desk", email: "accueil@studio-lumiere.fr", phone: "+33 1 42 80 00 01", hourlyRateCents: 0, dayRateCents: 0, colour: "#eab308" },
];

type DemoGear = Omit<EquipmentFields, "locationId" | "notes" | "serialNumber" | "lastMaintenance" | "nextMaintenance"> & {
  at: "paris" | "london"; serialNumber: string; lastMaintenance: string | null; nextMaintenance: string | null;
};
export const DEMO_GEAR: DemoGear[] = [
  { at: "paris", name: "Neumann U 87 Ai", category: "microphone", serialNumber: "U87-204118", quantity: 2, dailyRateCents: 4000, lastMaintenance: "2026-06-10", nextMaintenance: "2027-06-10" },
  { at: "paris", name: "Shure SM7B", category: "microphone", serialNumber: "SM7-99812", quantity: 4, dailyRateCents: 1000, lastMaintenance: null, nextMaintenance: null },
  { at: "paris", name: "AKG C414 XLII", category: "microphone", serialNumber: "C414-55021", quantity: 2, dailyRateCents: 2500, lastMaintenance: "2026-03-02", nextMaintenance: "2027-03-02" },
  { at: "paris", name: "Universal Audio 1176LN", category: "outboard", serialNumber: "1176-17722", quantity: 2, dailyRateCents: 3000, lastMaintenance: "2026-09-15", nextMaintenance: "2027-03-15" },
  { at: "paris", name: "Teletronix LA-2A", category: "outboard", serialNumber: "LA2A-08813", quantity: 1, dailyRateCents: 3500, lastMaintenance: "2026-01-20", nextMaintenance: "2026-12-01" },
  { at: "paris", name: "Fender Rhodes Mark I", category: "instrument", serialNumber: "RH-731245", quantity: 1, dailyRateCents: 6000, lastMaintenance: "2026-08-01", nextMaintenance: "2027-02-01" },
  { at: "paris", name: "Steinway Model B", category: "instrument", serialNumber: "STW-589003", quantity: 1, dailyRateCents: 12000, lastMaintenance: "2026-10-05", nextMaintenance: "2027-01-05" },
  { at: "paris", name: "Casque Beyerdynamic DT 770", category: "headphones", serialNumber: "DT770-LOT3", quantity: 12, dailyRateCents: 300, lastMaintenance: null, nextMaintenance: null },
  { at: "london", name: "Neve 1073 preamp", category: "preamp", serialNumber: "1073-33109", quantity: 4, dailyRateCents: 3000, lastMaintenance: "2026-05-12", nextMaintenance: "2026-11-12" },
  { at: "london", name: "Ludwig Classic Maple kit", category: "instrument", serialNumber: "LDW-40211", quantity: 1, dailyRateCents: 5000, lastMaintenance: null, nextMaintenance: null },
  { at: "london", name: "Marshall JCM800", category: "amplifier", serialNumber: "JCM-82210", quantity: 1, dailyRateCents: 4000, lastMaintenance: "2026-02-14", nextMaintenance: "2027-02-14" },
  { at: "london", name: "Genelec 8351B pair", category: "monitor", serialNumber: "GEN-8351-771", quantity: 1, dailyRateCents: 0, lastMaintenance: null, nextMaintenance: null },
];

const PEOPLE = [
  "Aya Nakamura Dupont", "Baptiste Girard", "Chloé Lambert", "Damien Moreau", "Élodie Fontaine", "Fatou Diallo",
  "Gaspard Lemoine", "Héloïse Mercier", "Ismaël Bouzid", "Juliette Caron", "Karim Aït-Ali", "Louise Perrin",
  "Maxime Faure", "Noémie Chevalier", "Océane Roux", "Pierre-Antoine Blanc", "Quentin Marchand", "Romane Gauthier",
  "Sofiane Mansouri", "Théo Garnier", "Ulysse Robin", "Valentine Morel", "Yanis Boyer", "Zoé Lefebvre",
  "Harriet Cole", "James O'Connor", "Amara Okafor", "Tom Whitfield",
];
const COMPANIES: [string, string][] = [
  ["Label Nuit Blanche", "Sarah Cohen"], ["Éditions Bleu Minuit", "Marc Vidal"], ["Radio Canal Sud", "Julie Arnaud"],
  ["Podcast Factory SAS", "Nicolas Petit"], ["Orchestre de Chambre de Montmartre", "Anne Dubois"],
  ["Agence Pub Lumen", "Claire Besson"], ["Films du Faubourg", "Olivier Renard"], ["Les Disques du Canal", "Mehdi Kaci"],
  ["Northern Lights Records", "Emma Clarke"], ["Brick Lane Sound Ltd", "Daniel Reid"], ["Théâtre des Abbesses", "Lucie Fabre"],
  ["Collectif Jazz Barbès", "Samuel Nkemelu"],
];

/** London's clients get their invoices and quotes in English. */
const ENGLISH_SPEAKING = new Set(["Harriet Cole", "James O'Connor", "Amara Okafor", "Tom Whitfield", "Northern Lights Records", "Brick Lane Sound Ltd"]);

function slug(s: string): string {
  return s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z]+/g, ".").replace(/^\.|\.$/g, "");
}

export function demoClients(): ClientFields[] {
  const people: ClientFields[] = PEOPLE.map((name, i) => ({
    kind: "person",
    name,
    contactName: null,
    email: `${slug(name)}@exemple.fr`,
    phone: `+33 6 ${String(10 + i).padStart(2, "0")} ${String(20 + i).padStart(2, "0")} ${String(30 + i).padStart(2, "0")} ${String(40 + i).padStart(2, "0")}`,
    address: null,
    vatNumber: null,
    notes: i % 5 === 0 ? "Préfère les sessions du soir." : null,
    defaultDepositBp: i % 7 === 0 ? 5000 : null,
    documentLanguage: ENGLISH_SPEAKING.has(name) ? "en" : "fr",
  }));
  const companies: ClientFields[] = COMPANIES.map(([name, contact], i) => ({
    kind: "company",
    name,
    contactName: contact,
    email: `contact@${slug(name).replace(/\./g, "")}.com`,
    phone: `+33 1 ${String(40 + i).padStart(2, "0")} 00 ${String(10 + i).padStart(2, "0")} ${String(50 + i).padStart(2, "0")}`,
    address: `${i + 3} boulevard de Clichy, 75018 Paris`,
    vatNumber: `FR${String(10 + i)}${String(123456789 + i * 7919).slice(0, 9)}`,
    notes: null,
    defaultDepositBp: i % 3 === 0 ? 2000 : null,
    documentLanguage: ENGLISH_SPEAKING.has(name) ? "en" : "fr",
  }));
  return [...people, ...companies];
}
