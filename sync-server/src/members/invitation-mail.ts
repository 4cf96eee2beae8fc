/** The invitation mail with its one-time code. */
export function invitationMail(studioName: string, inviterName: string, token: string, ttlDays: number): { subject: string; text: string } {
  // The server does not know the person's language: the mail says it in both.
  return {
    subject: `Invitation — ${studioName} — Recording Studio Manager`,
    text: [
      "Bonjour,",
      "",
      `${inviterName} vous invite à rejoindre le studio « ${studioName} ». Dans l'application, choisissez « Rejoindre un studio » et collez ce code (valable ${ttlDays} jours) :`,
      "",
      `    ${token}`,
      "",
      "—",
      "",
      "Hello,",
      "",
      `${inviterName} invites you to join the studio "${studioName}". In the app, choose "Join a studio" and paste this code (valid for ${ttlDays} days):`,
      "",
      `    ${token}`,
      "",
    ].join("\n"),
  };
}
