/** File endings of model weights, as the hubs ship them (alone so that a cheap check can import it). */
export const WEIGHT_EXTENSIONS = [
  '.safetensors',
  '.gguf',
  '.onnx',
  '.bin',
  '.pt',
  '.pth',
  '.h5',
  '.tflite',
  '.msgpack',
] as const;
