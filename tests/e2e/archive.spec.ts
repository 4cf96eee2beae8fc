import { drawer, expect, expectCount, goTo, listCount, openApp, row, table, test } from "./fixtures";

test.use({ demo: true });

test.beforeEach(async ({ page, studio }) => {
  await openApp(page, studio);
});

test("an archived client leaves the list, shows with « Afficher les archivés », and comes back when restored", async ({ page }) => {
  await goTo(page, "Clients");
  const clients = table(page, "Clients");
  const before = await listCount(page);

  await row(clients, "Héloïse Mercier").click();
  const editor = drawer(page, "Modifier le client");
  await editor.getByRole("button", { name: "Archiver" }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "« Héloïse Mercier » archivé" })).toBeVisible();
  await expect(row(clients, "Héloïse Mercier")).toHaveCount(0);
  await expectCount(page, before - 1);

  // Archived is not deleted: the search and the palette skip it, "show archived" finds it.
  await page.getByRole("searchbox", { name: "Rechercher…" }).fill("heloise");
  await expect(page.getByText("Aucun client ne correspond à « heloise ».")).toBeVisible();
  const showArchived = page.getByRole("checkbox", { name: "Afficher les archivés" });
  await showArchived.check();
  const archived = row(clients, "Héloïse Mercier");
  await expect(archived).toBeVisible();
  await expect(archived.getByText("Archivé", { exact: true })).toBeVisible();

  await archived.click();
  await expect(editor.getByRole("button", { name: "Archiver" })).toHaveCount(0);
  await editor.getByRole("button", { name: "Restaurer" }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "« Héloïse Mercier » restauré" })).toBeVisible();
  await expect(archived.getByText("Archivé", { exact: true })).toHaveCount(0);

  await showArchived.uncheck();
  await page.getByRole("searchbox", { name: "Rechercher…" }).fill("");
  await expect(row(clients, "Héloïse Mercier")).toBeVisible();
  await expectCount(page, before);

  // And it stays restored.
  await page.reload();
  await goTo(page, "Clients");
  await expect(row(table(page, "Clients"), "Héloïse Mercier")).toBeVisible();
  await expectCount(page, before);
});

test("a location that still has rooms cannot be archived; once its rooms are archived, it can", async ({ page }) => {
  await goTo(page, "Salles & matériel");
  await page.getByRole("tab", { name: "Sites" }).click();
  const sites = table(page, "Sites");

  await row(sites, "Lumière London — Hackney").click();
  const editor = drawer(page, "Modifier le site");
  await editor.getByRole("button", { name: "Archiver" }).click();
  const refusal = page.getByRole("status").filter({ hasText: "Impossible : cet élément est encore utilisé (archivez d'abord ses salles)." });
  await expect(refusal).toBeVisible();
  await expect(refusal).toHaveClass(/error/);
  // The refusal leaves the editor open, and the toast does not hide its buttons.
  await expect(editor).toBeVisible();
  await editor.getByRole("button", { name: "Annuler" }).click();
  await expect(editor).toHaveCount(0);
  await expect(row(sites, "Lumière London — Hackney")).toContainText("2 salle(s)");
  await expect(row(sites, "Lumière London — Hackney").getByText("Archivé", { exact: true })).toHaveCount(0);

  // Archive London's two rooms, then the location.
  await page.getByRole("tab", { name: "Salles" }).click();
  await page.getByRole("combobox", { name: "Site" }).selectOption({ label: "Lumière London — Hackney" });
  const rooms = table(page, "Salles");
  await expect(rooms.getByRole("row")).toHaveCount(3);
  for (const name of ["Live Room", "Podcast Booth"]) {
    await row(rooms, name).click();
    const roomEditor = drawer(page, "Modifier la salle");
    await roomEditor.getByRole("button", { name: "Archiver" }).click();
    await expect(roomEditor).toHaveCount(0);
    await expect(row(rooms, name)).toHaveCount(0);
  }
  await expect(page.getByRole("heading", { name: "Aucune salle" })).toBeVisible();

  await page.getByRole("tab", { name: "Sites" }).click();
  await expect(row(sites, "Lumière London — Hackney")).toContainText("0 salle(s)");
  await row(sites, "Lumière London — Hackney").click();
  await editor.getByRole("button", { name: "Archiver" }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "« Lumière London — Hackney » archivé" })).toBeVisible();
  await expect(row(sites, "Lumière London — Hackney")).toHaveCount(0);
  await expect(row(sites, "Lumière Paris — Pigalle")).toBeVisible();
});
