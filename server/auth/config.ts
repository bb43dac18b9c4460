import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { logger } from "@/server/lib/logger";
import type { Role } from "@/server/lib/permissions";
import { authenticate } from "@/server/modules/users/authenticate";

declare module "next-auth" {
  // Module augmentation needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Session {
    user: { id: string; orgId: string; role: Role; name: string; email: string };
  }
}

/** JWT sessions (Auth.js credentials require them). The token is only a pointer: every request re-reads the user. */
export const authConfig = {
  // `next start` is not "production on a known host" to Auth.js; the app is reached by its own host name.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A failed sign-in is an expected outcome, answered on the form; it is not a server error.
    error: (error) => {
      if (error.name !== "CredentialsSignin") logger.error({ err: error }, "auth error");
    },
    warn: (code) => logger.warn({ code }, "auth warning"),
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials) => {
        const user = await authenticate(await getDb(), credentials);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      // Only the id travels in the token; org and role come from the database in loadStaff (session.ts).
      if (token.sub) session.user = { ...session.user, id: token.sub };
      return session;
    },
  },
} satisfies NextAuthConfig;

export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
