// A stand-in for main in the recovery tests: a Node process that starts a project service on the settings
// folder it is given, changes its untitled project as told (edit: the graph; run: a run left running;
// none: nothing), prints the untitled file's path, and then waits to be killed.
import { ProjectService } from '../../../main/services/projects.ts'

const [settingsDir, change] = process.argv.slice(2)
const projects = new ProjectService({ appVersion: '0.0.1-test', settingsDir, cwd: settingsDir })
const { spec, layout } = projects.graph()
if (change === 'edit') projects.saveGraph({ spec: { ...spec, nodes: spec.nodes.slice(0, 3), output: spec.nodes[2].id }, layout })
if (change === 'run') projects.current.runs.create({ name: 'run 1', spec, hyper: {}, dataset: {}, backend: 'cpu', seed: 1 }, 'running')
process.stdout.write(`${JSON.stringify({ path: projects.current.path })}\n`)
// held open until the test kills it; the timer keeps the service reachable (else GC would close its files)
setInterval(() => projects.info(), 60_000)
