// Renderer entry: mounts the shell with the API of whichever transport this page has, and says
// whether a native File menu owns the project shortcuts (lib/api.ts knows both).
import { mount } from 'svelte'
import App from './App.svelte'
import { hasNativeMenu, pickApi } from './lib/api.ts'
import './styles/theme.css'

const target = document.getElementById('app')
if (!target) throw new Error('index.html lacks #app')
mount(App, { target, props: { api: pickApi(window), nativeMenu: hasNativeMenu(window) } })
