import type { Role } from "./permissions";

/** The authenticated caller, taken from verified token claims. */
export interface Principal {
  /** The token's `sub`; also the users row id. */
  id: string;
  /** What the caller may do: the token's role, or "user" when it names none. */
  role: Role;
  /**
   * The profile claims exactly as the token carries them. Null means "not claimed": the stored
   * profile keeps its value (a token without `name` never renames anyone).
   */
  claims: { name: string | null; email: string | null; role: Role | null };
}
