import { useEffect, useState } from 'preact/hooks';
import { OfflineBadge } from './common/OfflineBadge';
import { lazyView } from './lazyView';
import { HomeView } from './home/HomeView';
import { JobTray } from './common/JobTray';

// The project and editor views (and Fabric with the editor) are separate chunks: the first
// page load is only the home page.
const ProjectView = lazyView(() => import('./project/ProjectView').then((m) => m.ProjectView), 'project');
const EditorView = lazyView(() => import('./editor/EditorView').then((m) => m.EditorView), 'editor');

type Route = { view: 'home' } | { view: 'project'; id: string; shorts: boolean } | { view: 'edit'; id: string; clip: string };

/**
 * Hash routes (#/p/<id>, #/p/<id>/shorts: the project at its Your shorts, #/p/<id>/edit/<clip>)
 * work on any static host and sub-path, and survive a reload.
 */
function parseRoute(hash: string): Route {
  const edit = /^#\/p\/([\w-]+)\/edit\/(.+)$/.exec(hash);
  if (edit) return { view: 'edit', id: edit[1]!, clip: decodeURIComponent(edit[2]!) };
  const m = /^#\/p\/([\w-]+)(\/shorts)?$/.exec(hash);
  return m ? { view: 'project', id: m[1]!, shorts: m[2] !== undefined } : { view: 'home' };
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
        <OfflineBadge />
      </header>
      <JobTray />
      {route.view === 'home' ? (
        <HomeView
          open={(id, w = []) => {
            setWarnings(w);
            location.hash = `#/p/${id}`;
          }}
        />
      ) : route.view === 'project' ? (
        <ProjectView key={route.id} id={route.id} showShorts={route.shorts} initialWarnings={warnings} back={() => (location.hash = '#/')} />
      ) : (
        <EditorView key={`${route.id}/${route.clip}`} projectId={route.id} clip={route.clip} back={() => (location.hash = `#/p/${route.id}`)} />
      )}
    </>
  );
}
