import { describe, expect, it } from 'vitest';
import type { LabelSelector } from '../model/velero';
import { BACKUP, OPT_IN, OPT_OUT, claimVolume, emptyDir, pod, pvc, snapshot } from './fixtures';
import { decideVolumes, type BackupScope } from './verdict';

const everything: BackupScope = { namespaces: null, backupPods: true, labelSelector: null, orLabelSelectors: null };
const scoped = (extra: Partial<BackupScope>): BackupScope => ({ ...everything, ...extra });

// wiki: api (app=wiki-api) and indexer share "pages"; indexer and editor share "media"; a stopped report job also
// mounts "pages". Only wiki-api carries the backup label.
const wiki = () =>
  snapshot({
    pods: [
      pod('wiki', 'wiki-api-0', { labels: { backup: 'yes' }, annotations: { [BACKUP]: 'pages' }, volumes: [claimVolume('pages', 'wiki-pages')] }),
      pod('wiki', 'wiki-indexer-0', { annotations: { [BACKUP]: 'pages,media' }, volumes: [claimVolume('pages', 'wiki-pages'), claimVolume('media', 'wiki-media')] }),
      pod('wiki', 'wiki-editor-0', { annotations: { [BACKUP]: 'media' }, volumes: [claimVolume('media', 'wiki-media')] }),
      pod('wiki', 'wiki-report-0', { phase: 'Succeeded', annotations: { [BACKUP]: 'pages' }, volumes: [claimVolume('pages', 'wiki-pages')] }),
      pod('wiki', 'wiki-static-0', { annotations: { [BACKUP]: 'html' }, volumes: [emptyDir('html')] }),
    ],
    pvcs: [pvc('wiki', 'wiki-pages'), pvc('wiki', 'wiki-media')],
  });

const podsOf = (result: ReturnType<typeof decideVolumes>) => [...new Set(result.verdicts.map((v) => `${v.namespace}/${v.pod}`))];

describe('backup scope in the engine', () => {
  it('without a scope every pod is reported, as before', () => {
    const result = decideVolumes({ snapshot: wiki(), options: OPT_IN });
    expect(podsOf(result)).toContain('wiki/wiki-static-0');
    expect(podsOf(result)).toContain('velero/node-agent-node-a');
  });

  it('drops pods outside the namespaces in scope entirely (A1)', () => {
    const result = decideVolumes({ snapshot: wiki(), options: OPT_IN, scope: scoped({ namespaces: new Set(['wiki']) }) });
    expect(podsOf(result).every((p) => p.startsWith('wiki/'))).toBe(true);
    expect(result.processingOrder).not.toContain('velero/node-agent-node-a');
  });

  it('reports nothing when the resource filter excludes pods', () => {
    const result = decideVolumes({ snapshot: wiki(), options: OPT_OUT, scope: scoped({ backupPods: false }) });
    expect(result.verdicts).toEqual([]);
    expect(result.processingOrder).toEqual([]);
  });

  it('a label selector pulls in a running pod through a shared bound claim, but not a stopped one', () => {
    const result = decideVolumes({ snapshot: wiki(), options: OPT_IN, scope: scoped({ labelSelector: { matchLabels: { backup: 'yes' } } }) });
    // api → pages → indexer (running) → media → editor; report-0 is Succeeded and static-0 shares nothing.
    expect(result.processingOrder).toEqual(['wiki/wiki-api-0', 'wiki/wiki-indexer-0', 'wiki/wiki-editor-0']);
    expect(podsOf(result)).not.toContain('wiki/wiki-report-0');
    expect(podsOf(result)).not.toContain('wiki/wiki-static-0');
    const editor = result.verdicts.find((v) => v.pod === 'wiki-editor-0');
    expect(editor).toMatchObject({ reason: 'sharedPvcOtherPod', evidence: { otherPod: 'wiki-indexer-0' } });
  });

  it('a claim matching the selector on its own pulls in the running pods that use it', () => {
    const snap = wiki();
    const media = snap.pvcs.find((c) => c.metadata?.name === 'wiki-media');
    if (media?.metadata) media.metadata.labels = { backup: 'yes' };
    const selector: LabelSelector = { matchExpressions: [{ key: 'backup', operator: 'In', values: ['yes'] }] };
    const result = decideVolumes({ snapshot: snap, options: OPT_IN, scope: scoped({ labelSelector: selector, namespaces: new Set(['wiki']) }) });
    expect(result.processingOrder).toEqual(['wiki/wiki-api-0', 'wiki/wiki-indexer-0', 'wiki/wiki-editor-0']);
  });

  it('with orLabelSelectors the selector order decides which pod takes a shared claim', () => {
    const shared = snapshot({
      pods: [
        pod('shop', 'cart-0', { labels: { role: 'cart' }, annotations: { [BACKUP]: 'data' }, volumes: [claimVolume('data', 'shop-data')] }),
        pod('shop', 'orders-0', { labels: { role: 'orders' }, annotations: { [BACKUP]: 'data' }, volumes: [claimVolume('data', 'shop-data')] }),
      ],
      pvcs: [pvc('shop', 'shop-data')],
    });
    const cart: LabelSelector = { matchLabels: { role: 'cart' } };
    const orders: LabelSelector = { matchLabels: { role: 'orders' } };
    const cartFirst = decideVolumes({ snapshot: shared, options: OPT_IN, scope: scoped({ orLabelSelectors: [cart, orders] }) });
    expect(cartFirst.processingOrder).toEqual(['shop/cart-0', 'shop/orders-0']);
    expect(cartFirst.verdicts.find((v) => v.pod === 'orders-0')).toMatchObject({ reason: 'sharedPvcOtherPod', evidence: { otherPod: 'cart-0' } });

    const ordersFirst = decideVolumes({ snapshot: shared, options: OPT_IN, scope: scoped({ orLabelSelectors: [orders, cart] }) });
    expect(ordersFirst.processingOrder).toEqual(['shop/orders-0', 'shop/cart-0']);
    expect(ordersFirst.verdicts.find((v) => v.pod === 'orders-0')?.reason).toBe('optedIn');
    expect(ordersFirst.verdicts.find((v) => v.pod === 'cart-0')).toMatchObject({ reason: 'sharedPvcOtherPod', evidence: { otherPod: 'orders-0' } });
  });

  it('a pod matched by two orLabelSelectors is processed once', () => {
    const result = decideVolumes({
      snapshot: wiki(),
      options: OPT_IN,
      scope: scoped({ namespaces: new Set(['wiki']), orLabelSelectors: [{ matchLabels: { app: 'wiki-static' } }, { matchExpressions: [{ key: 'app', operator: 'Exists' }] }] }),
    });
    expect(result.processingOrder.filter((p) => p === 'wiki/wiki-static-0')).toHaveLength(1);
    expect(result.processingOrder[0]).toBe('wiki/wiki-static-0');
  });

  it('an empty labelSelector selects nothing, as Velero\'s failing LIST does', () => {
    const result = decideVolumes({ snapshot: wiki(), options: OPT_IN, scope: scoped({ labelSelector: {} }) });
    expect(result.verdicts).toEqual([]);
  });

  it('a selected pod carrying the exclude label is reported as podExcludedByLabel', () => {
    const snap = snapshot({ pods: [pod('batch', 'tmp-0', { labels: { backup: 'yes', 'velero.io/exclude-from-backup': 'true' }, volumes: [emptyDir('work')] })] });
    const result = decideVolumes({ snapshot: snap, options: OPT_OUT, scope: scoped({ labelSelector: { matchLabels: { backup: 'yes' } } }) });
    expect(result.verdicts.map((v) => `${v.pod}:${v.reason}`)).toEqual(['tmp-0:podExcludedByLabel']);
  });
});
