// Renderer entry: mounts the shell with the API of whichever transport this page has. Under
// Electron the preload's API comes with a native File menu that owns the project shortcuts.
import { mount } from 'svelte'
import App from './App.svelte'
import { pickApi } from './lib/api.ts'
import './styles/theme.css'

const target = document.getElementById('app')
if (!target) throw new Error('index.html lacks #app')
mount(App, { target, props: { api: pickApi(window), nativeMenu: window.receptive !== undefined } })
