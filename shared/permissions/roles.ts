/**
 * Studio roles. The main line inherits downwards: owner ⊃ admin ⊃ manager ⊃ front desk ⊃ engineer ⊃
 * viewer. The accountant sits beside it: a viewer who also sees money, and cannot book.
 */
export const ROLES = ["owner", "admin", "manager", "front_desk", "engineer", "viewer", "accountant"] as const;
export type Role = (typeof ROLES)[number];

/** Each role's direct parent (the role it extends); null at the bottom. */
export const ROLE_PARENT: Record<Role, Role | null> = {
  owner: "admin",
  admin: "manager",
  manager: "front_desk",
  front_desk: "engineer",
  engineer: "viewer",
  viewer: null,
  accountant: "viewer",
};

/** The role and everything it inherits, nearest first. */
export function roleChain(role: Role): Role[] {
  const chain: Role[] = [];
  for (let r: Role | null = role; r; r = ROLE_PARENT[r]) chain.push(r);
  return chain;
}

/** True when `role` holds every permission of `other` (it is `other` or inherits from it). */
export function includesRole(role: Role, other: Role): boolean {
  return roleChain(role).includes(other);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
