import { Link, useLocation } from 'wouter';
import { ClockControl } from './clock-control.tsx';
import { DisplayControls } from './display-controls.tsx';
import { LabsMenu } from './labs-menu.tsx';
import { ResetControl } from './reset-control.tsx';
import { SessionControl } from './session-control.tsx';

export function Header() {
  const [location] = useLocation();
  const current = (path: string) =>
    location === path || location.startsWith(`${path}/`) ? 'page' : undefined;

  return (
    <header className="topbar">
      <Link
        href="/"
        className="brand"
        aria-current={current('/') && location === '/' ? 'page' : undefined}
      >
        restlab
      </Link>
      <nav aria-label="Labs">
        <ul>
          <li>
            <LabsMenu />
          </li>
          <li>
            <Link href="/problems" aria-current={current('/problems')}>
              Problems
            </Link>
          </li>
          <li>
            <Link href="/reference" aria-current={current('/reference')}>
              API
            </Link>
          </li>
        </ul>
      </nav>
      <div className="topbar-controls">
        <ClockControl />
        <ResetControl />
        <SessionControl />
        <DisplayControls />
      </div>
    </header>
  );
}
