/** The password reset mail with its one-time code. */
export function resetMail(name: string, token: string, ttlMinutes: number): { subject: string; text: string } {
  // The server does not know the person's language: the mail says it in both.
  return {
    subject: "Réinitialisation du mot de passe / Password reset — Recording Studio Manager",
    text: [
      `Bonjour ${name},`,
      "",
      `Pour choisir un nouveau mot de passe, collez ce code dans l'application (valable ${ttlMinutes} minutes) :`,
      "",
      `    ${token}`,
      "",
      "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.",
      "",
      "—",
      "",
      `Hello ${name},`,
      "",
      `To choose a new password, paste this code into the app (valid for ${ttlMinutes} minutes):`,
      "",
      `    ${token}`,
      "",
      "If you did not ask for this, ignore this message: your password stays as it is.",
      "",
    ].join("\n"),
  };
}
