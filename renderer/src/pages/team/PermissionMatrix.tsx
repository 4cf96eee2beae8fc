import { Fragment } from "react";
import { rolePermissions } from "../../../../shared/permissions/permissions";
import { ROLES } from "../../../../shared/permissions/roles";
import { useT } from "../../i18n";
import { roleText } from "../../lib/account-role";
import { groupedPermissions } from "../../lib/permission-groups";

/** Roles × permissions, read-only, straight from shared/permissions: what a role means, before giving it. */
export function PermissionMatrix() {
  const t = useT();
  const held = Object.fromEntries(ROLES.map((r) => [r, new Set(rolePermissions(r))]));
  return (
    <div className="card">
      <p className="muted card-pad" style={{ margin: 0 }}>{t("team.matrix.intro")}</p>
      <div className="table-scroll">
        <table className="data matrix" aria-label={t("team.tab.roles")}>
          <thead>
            <tr>
              <th scope="col">{t("team.matrix.permission")}</th>
              {ROLES.map((r) => <th key={r} scope="col" className="center">{roleText(t, r)}</th>)}
            </tr>
          </thead>
          <tbody>
            {groupedPermissions().map(({ group, permissions }) => (
              <Fragment key={group}>
                <tr className="matrix-group"><th scope="rowgroup" colSpan={ROLES.length + 1}>{t(`team.matrix.group.${group}`)}</th></tr>
                {permissions.map((p) => (
                  <tr key={p}>
                    <th scope="row" className="matrix-perm">{t(`perm.${p}`)}<div className="cell-sub mono">{p}</div></th>
                    {ROLES.map((r) => (
                      <td key={r} className="center">
                        {held[r]!.has(p)
                          ? <span className="matrix-yes" aria-label={t("team.matrix.yes")}>✓</span>
                          : <span className="matrix-no" aria-label={t("team.matrix.no")}>·</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
