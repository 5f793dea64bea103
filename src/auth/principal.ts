import type { Role } from "./permissions";

/** The authenticated caller, taken from verified token claims. */
export interface Principal {
  /** The token's `sub`; also the users row id. */
  id: string;
  role: Role;
  email: string | null;
  displayName: string;
}
