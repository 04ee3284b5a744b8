import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { messageOf } from '../domain/errors/messageOf';

/**
 * A view whose code loads on first use, in its own chunk: the home page does not download the
 * editor (Fabric) or the project view. Loaded once, then rendered at once on later visits.
 */
export function lazyView<P extends object>(load: () => Promise<FunctionComponent<P>>, label: string): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  let loading: Promise<FunctionComponent<P>> | undefined;
  // biome-ignore lint/correctness/noComponentHookFactories: lazyView runs once per view at module level (App.tsx), never during a render.
  return function LazyView(props: P) {
    const [view, setView] = useState(() => loaded);
    const [error, setError] = useState<string | null>(null);
    useEffect(() => {
      if (view) return;
      let live = true;
      loading ??= load();
      loading
        .then((v) => {
          loaded = v;
          if (live) setView(() => v);
        })
        .catch((e: unknown) => {
          loading = undefined;
          if (live) setError(`The ${label} could not be loaded (${messageOf(e)}). Reload the page to try again.`);
        });
      return () => {
        live = false;
      };
    }, [view]);
    if (error)
      return (
        <main class="project">
          <p class="note error" role="alert">
            {error}
          </p>
        </main>
      );
    if (!view)
      return (
        <main class="project loading" aria-busy="true">
          Opening the {label}…
        </main>
      );
    const View = view;
    return <View {...props} />;
  };
}
