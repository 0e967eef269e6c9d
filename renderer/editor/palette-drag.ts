// The data type a palette item puts on a drag, so the canvas accepts layer drops and nothing else.
export const DRAG_TYPE = 'application/x-receptive-layer'
