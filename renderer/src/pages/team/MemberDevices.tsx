import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useT } from "../../i18n";
import { relativeTime } from "../../lib/relative-time";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useNow } from "../../lib/use-now";

/** A member's devices (the studio's device list, filtered), each with "revoke access". */
export function MemberDevices({ userId }: { userId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const now = useNow();
  const devices = useQuery(trpc.team.devices.list.queryOptions(undefined, { retry: false }));
  const revoke = useMutation(trpc.team.devices.revoke.mutationOptions());
  const { run, error } = useAction();
  const mine = (devices.data ?? []).filter((d) => d.userId === userId);
  const when = (at: string | null) => (at ? relativeTime(at, now, locale, t("sync.justNow")) : t("team.never"));

  const revokeDevice = (id: string, name: string) => run(() => revoke.mutateAsync({ deviceId: id }), t("team.member.revokedToast", { name }));

  return (
    <section className="fieldset" aria-label={t("team.member.devices")}>
      <div className="fieldset-title">{t("team.member.devices")}</div>
      {devices.isError && <div className="error" role="alert">{t(`error.${appCodeOf(devices.error)}`)}</div>}
      {devices.data && mine.length === 0 && <div className="subtle">{t("team.member.noDevices")}</div>}
      <ul className="device-list">
        {mine.map((d) => (
          <li key={d.id} data-testid="member-device">
            <div>
              <div className="cell-main">{d.name}{d.current && <> <span className="badge muted">{t("team.member.thisDevice")}</span></>}</div>
              <div className="cell-sub">{t("team.member.deviceSeen", { added: new Date(d.createdAt).toLocaleDateString(locale, { dateStyle: "medium" }), seen: when(d.lastSeenAt) })}</div>
            </div>
            {d.revokedAt
              ? <span className="badge muted">{t("team.member.revoked")}</span>
              : <button type="button" className="btn small danger" disabled={revoke.isPending || d.current} onClick={() => void revokeDevice(d.id, d.name)}>{t("team.member.revoke")}</button>}
          </li>
        ))}
      </ul>
      {error && <div className="error" role="alert">{error}</div>}
    </section>
  );
}
