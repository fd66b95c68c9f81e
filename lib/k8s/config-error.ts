// A kubeconfig that names something unusable (a tokenFile that cannot be read), found when a request is prepared.
export class KubeconfigError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}
