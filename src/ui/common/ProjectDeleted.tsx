/** Shown in place of a project (or its editor) that another tab deleted while it was open. */
export function ProjectDeleted() {
  return (
    <main class="project">
      <section class="empty" role="alert" data-testid="project-deleted">
        <h1>This project was deleted in another tab</h1>
        <p>
          Its recording, click log and edits are no longer stored in this browser, so nothing here can be saved, and the work that was reading its recording has
          stopped.
        </p>
        <a class="btn primary" href="#/">
          Back to projects
        </a>
      </section>
    </main>
  );
}
