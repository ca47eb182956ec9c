import { AiTemplates } from "../settings/AiTemplates";
import { MfaEnrolment } from "../settings/MfaEnrolment";
import { Team } from "../settings/Team";
import { WorkspaceForm } from "../settings/WorkspaceForm";

/** The workspace (name, time zone, locale), its team and invitations, its AI templates, and the signed-in user's two-step sign-in. */
export function Settings() {
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <h2>Workspace</h2>
      <WorkspaceForm />
      <Team />
      <AiTemplates />
      <MfaEnrolment />
    </section>
  );
}
