import { useEffect, useState } from 'preact/hooks';
import { HomeView } from './views/HomeView';
import { ProjectView } from './views/ProjectView';

type Route = { view: 'home' } | { view: 'project'; id: string };

/** Hash routes (#/p/<id>) work on any static host and sub-path, and survive a reload. */
function parseRoute(hash: string): Route {
  const m = /^#\/p\/([\w-]+)$/.exec(hash);
  return m ? { view: 'project', id: m[1]! } : { view: 'home' };
}

export function App() {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  const [warnings, setWarnings] = useState<string[]>([]);
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  return (
    <>
      <header class="topbar">
        <a href="#/" class="brand">
          <span class="logo" aria-hidden="true" />
          LIVE Highlights Studio
        </a>
        <span class="badge" title="Nothing is uploaded: files stay in this browser">Offline · on-device</span>
      </header>
      {route.view === 'home' ? (
        <HomeView
          open={(id, w = []) => {
            setWarnings(w);
            location.hash = `#/p/${id}`;
          }}
        />
      ) : (
        <ProjectView key={route.id} id={route.id} initialWarnings={warnings} back={() => (location.hash = '#/')} />
      )}
    </>
  );
}
