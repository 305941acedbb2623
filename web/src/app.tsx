// Pages and their addresses. Pages that draw (relations, graph) load their libraries on demand.
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { Nav } from './components/nav.tsx';
import { ArticlesPage } from './pages/articles/index.tsx';
import { ReaderPage } from './pages/reader/index.tsx';
import { EventsPage } from './pages/events/index.tsx';
import { QuotesPage } from './pages/quotes/index.tsx';
import { ActorIndexPage } from './pages/actors/index.tsx';
import { ActorPage } from './pages/actor/index.tsx';
import { FeedsPage } from './pages/feeds/index.tsx';
import { LoginPage } from './pages/login/index.tsx';
import { ModerationPage } from './pages/moderation/index.tsx';
import { StoriesPage } from './pages/stories/index.tsx';
import { NotFoundPage } from './pages/not-found/index.tsx';

const RelationsPage = lazy(() => import('./pages/relations/index.tsx').then((m) => m.RelationsPage));
const GraphPage = lazy(() => import('./pages/graph/index.tsx').then((m) => m.GraphPage));

export function App() {
  return (
    <LocationProvider>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <Nav />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary>
          <Router>
            <Route path="/" component={ArticlesPage} />
            <Route path="/doc/:id" component={ReaderPage} />
            <Route path="/events" component={EventsPage} />
            <Route path="/quotes" component={QuotesPage} />
            <Route path="/actors" component={ActorIndexPage} />
            <Route path="/actors/:name" component={ActorPage} />
            <Route path="/relations" component={RelationsPage} />
            <Route path="/graph" component={GraphPage} />
            <Route path="/stories" component={StoriesPage} />
            <Route path="/feeds" component={FeedsPage} />
            <Route path="/login" component={LoginPage} />
            <Route path="/moderation" component={ModerationPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </main>
    </LocationProvider>
  );
}
