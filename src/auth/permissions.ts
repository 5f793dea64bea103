import type { ROLES } from "../db/schema";

/** A role a token may carry. */
export type Role = (typeof ROLES)[number];
/** What a role allows. */
export type Permission = "read" | "write" | "delete" | "admin";

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ["read", "write", "delete", "admin"],
  moderator: ["read", "write", "delete"],
  user: ["read", "write"],
};

/** True when `role` grants `permission`. */
export const can = (role: Role, permission: Permission): boolean =>
  ROLE_PERMISSIONS[role].includes(permission);

/** Roles that may change any market, not only their own. */
export const canModerate = (role: Role): boolean => role === "admin" || role === "moderator";
