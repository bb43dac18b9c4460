import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc-provider";

/**
 * Starts (or resumes, or retries) an import. The mutation stays pending until the import has been read again, so
 * the page moves to the progress view without showing the old step in between.
 */
export function useStartImport(importId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.imports.start.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.imports.get.queryKey({ id: importId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.imports.list.queryKey() }),
        ]),
    }),
  );
}

/** The server's reasons, one per line when it gave several (a mapping's problems). */
export function startErrors(error: { message: string; data?: { issues?: { message: string }[] } | null } | null) {
  if (!error) return [];
  const issues = error.data?.issues ?? [];
  return issues.length ? issues.map((i) => i.message) : [error.message];
}
