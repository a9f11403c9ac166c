import { AttacksPanel } from './attacks-panel.tsx';
import { FlowPanel } from './flow-panel.tsx';
import { ScenariosPanel } from './scenarios-panel.tsx';
import './oauth.css';

/**
 * The OAuth lab: the authorization code flow with PKCE and the client credentials flow stepped
 * through as a sequence diagram of real requests, then the attacks each parameter defeats, then
 * the lab's scenarios in the shared player.
 */
export default function OAuthLab() {
  return (
    <div className="oa">
      <FlowPanel />
      <AttacksPanel />
      <ScenariosPanel />
    </div>
  );
}
