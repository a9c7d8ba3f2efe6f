/**
 * A file's bytes, read as a stream so the UI can show how far it got (a database file can be
 * hundreds of megabytes). `onProgress` gets the fraction read, 0 to 1. The result owns its
 * buffer, so the caller can transfer it to the worker instead of copying it.
 */
export async function readFileBytes(file: Blob, onProgress: (fraction: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  let bytes = new Uint8Array(file.size);
  let read = 0;
  const reader = file.stream().getReader();
  onProgress(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (read + value.length > bytes.length) {
      // The file grew while being read (it is being written elsewhere): take it all.
      const larger = new Uint8Array(Math.max(read + value.length, bytes.length * 2));
      larger.set(bytes.subarray(0, read));
      bytes = larger;
    }
    bytes.set(value, read);
    read += value.length;
    onProgress(file.size ? Math.min(1, read / file.size) : 1);
  }
  onProgress(1);
  return read === bytes.length ? bytes : bytes.slice(0, read);
}
