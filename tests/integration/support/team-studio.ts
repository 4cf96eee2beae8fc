import type { SessionTokens } from "../../../shared/schemas/account";
import { createMailer } from "../../../sync-server/src/accounts/mailer";
import { createTestDatabase, type TestDatabase } from "./postgres";
import { bodyOf, startSmtpInbox, type ReceivedMail, type SmtpInbox } from "./smtp-inbox";
import { locationWire, SimDevice } from "./sync-device";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./sync-test-server";
import { firstLocation, pushAs } from "./team";

/** A studio with Paris (its first location) and London, on a server that mails through a real SMTP inbox. */
export interface TeamStudio {
  smtp: SmtpInbox;
  db: TestDatabase;
  srv: TestSyncServer;
  owner: SessionTokens;
  paris: string;
  london: string;
  studio: ReturnType<typeof signUpInput>;
  close(): Promise<void>;
}

export async function startTeamStudio(label: string): Promise<TeamStudio> {
  const studio = signUpInput(label);
  const smtp = await startSmtpInbox();
  const db = await createTestDatabase(`team_${label}`);
  const srv = await startTestSyncServer(db, { mailer: createMailer(smtp.url, "Studio <studio@example.com>", () => {}) });
  const owner = await srv.client().accounts.signUp.mutate(studio);
  const paris = await firstLocation(db, owner.tenantId);
  const londonRow = new SimDevice("desk").insert("location", locationWire("London"));
  await pushAs(srv, owner, [londonRow]);
  return {
    smtp, db, srv, owner, paris, london: londonRow.rowId, studio,
    close: async () => {
      await srv.close();
      await smtp.close();
    },
  };
}

/** The invitation code: the indented line of the mail. */
export function invitationCodeIn(mail: ReceivedMail): string {
  const match = /^ {4}(\S+)\s*$/m.exec(bodyOf(mail));
  if (!match) throw new Error(`No invitation code in the mail:\n${mail.raw}`);
  return match[1]!;
}
