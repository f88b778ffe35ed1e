import '../zod';
import { z } from 'zod';

/**
 * Accounts and access, one definition for the API, the sign-in page and the CLI.
 * Roles: an `editor` may edit, ingest, import and publish; an `admin` also manages accounts.
 * Readers need no account for public cases; private cases are readable by their members only.
 */
export const ROLES = ['editor', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const VISIBILITIES = ['public', 'private'] as const;
export const Visibility = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof Visibility>;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'a username is 3–64 characters: letters, digits, dot, dash, underscore');

/** Long passphrases welcome; the upper bound only keeps hashing cost bounded. */
export const Password = z.string().min(12, 'a password needs at least 12 characters').max(256);

export const SignInBody = z.strictObject({ username: Username, password: z.string().min(1).max(256) });
export type SignInBody = z.infer<typeof SignInBody>;

export const VisibilityBody = z.strictObject({ visibility: Visibility });

export const UserView = z.object({ id: z.string(), username: z.string(), role: Role });
export type UserView = z.infer<typeof UserView>;

/** What the browser learns about its session: who, and the token it must echo on every write. */
export const SessionView = z.object({ user: UserView.nullable(), csrfToken: z.string().nullable() });
export type SessionView = z.infer<typeof SessionView>;

/** May this user write (edit, ingest, import, publish)? Both roles may. */
export function canEdit(user: UserView | null): boolean {
  return user !== null && (user.role === 'editor' || user.role === 'admin');
}
