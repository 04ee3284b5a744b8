/** "Your shorts", one tap from the project's pages: the project page opened at its shorts. */
export function ShortsLink({ projectId }: { projectId: string }) {
  return (
    <a class="btn ghost small" href={`#/p/${projectId}/shorts`} data-testid="shorts-link">
      Your shorts
    </a>
  );
}
