// What the page must say about Velero's objects: not installed, or which list could not be read and what is
// assumed instead (velero-objects.md b.4). C's lib/k8s notices are adapted here at merge.
import type { VeleroNotice } from '../api/types';
import type { ClusterSnapshot } from '../model/kube';

export function veleroNotices(snapshot: ClusterSnapshot): VeleroNotice[] {
  void snapshot;
  return [];
}
