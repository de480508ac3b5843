/** The word beside a highlighted record, so the highlight is never told by colour alone. */
export function CauseMarker() {
  return <span className="cause-marker">Cause of the task</span>;
}
