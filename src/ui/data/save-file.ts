/**
 * Saves data as a download named `fileName`, through a temporary `<a download>` (the one way
 * that works in every browser without a permission prompt, and under Hearth's CSP: the
 * object URL is `blob:` of this origin).
 */
export function saveFile({ fileName, mimeType, data }: { fileName: string; mimeType: string; data: BlobPart }): void {
  const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox starts the download after the click returns; revoking at once can cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
