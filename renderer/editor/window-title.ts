// The window's title: the project's name with a marker while something is not safely in a named file
// (an edit waiting for autosave, or a project that was never given a file), then the app's name.
export function windowTitle(project: { name: string; path: string | null } | null, saved: boolean): string {
  if (!project) return 'Receptive'
  const unsaved = !saved || project.path === null
  return `${unsaved ? '• ' : ''}${project.name} — Receptive`
}
