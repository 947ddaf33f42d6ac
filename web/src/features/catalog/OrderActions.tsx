import { useState, type FormEvent } from 'react';
import type { Order } from '../../../../shared/src/catalog/catalog.schemas';
import { useAction } from '../../api/useAction';
import { useT } from '../../i18n/I18nProvider';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert';
import { Dialog } from '../../ui/Dialog';
import { TextAreaField } from '../../ui/fields';
import { payOrder, transitionOrder, type OrderAction } from './api';

interface OrderActionsProps {
  order: Order;
  /**
   * Called after every attempt (a failed payment is recorded too) with what was done, or null: the
   * caller reloads and says it (a list may drop the order, and this component with it).
   */
  onChanged: (done: string | null) => void;
}

type Asking = 'cancel' | 'decline' | null;

/**
 * What the actor may do next with an order, from the server's `abilities`: pay (the development
 * provider simulates success or failure), confirm, decline with a reason, mark delivered, close,
 * cancel with a reason. The same buttons serve the citizen, the welfare manager and the provider.
 */
export function OrderActions({ order, onChanged }: OrderActionsProps) {
  const t = useT().catalog;
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const transition = useAction(transitionOrder);
  const pay = useAction(payOrder);
  const pending = transition.pending || pay.pending;
  const a = order.abilities;

  const run = async (action: OrderAction, why?: string) => {
    const result = await transition.run(order.id, action, why);
    if (result.ok) {
      setAsking(null);
      setReason('');
      onChanged(action === 'cancel' ? t.order.cancelled : (t.provider.done[action] ?? null));
    }
  };
  const payWith = async (simulate: 'success' | 'failure') => {
    const result = await pay.run(order.id, simulate);
    onChanged(result.ok ? t.order.paid : null);
  };
  const submitReason = (event: FormEvent) => {
    event.preventDefault();
    if (asking && reason.trim().length >= 3) void run(asking, reason.trim());
  };
  const anything = a.pay || a.confirm || a.decline || a.deliver || a.close || a.cancel;

  return (
    <div>
      <ApiErrorAlert error={asking ? pay.error : (transition.error ?? pay.error)} />
      {a.pay && <p className="small mb-2">{t.order.devProvider}</p>}
      {anything && (
        <div className="d-flex flex-wrap gap-2">
          {a.pay && (
            <>
              <button
                type="button"
                className="btn btn-primary"
                disabled={pending}
                onClick={() => void payWith('success')}
              >
                {pay.pending ? t.order.paying : t.order.pay}
              </button>
              <button
                type="button"
                className="btn btn-outline-secondary"
                disabled={pending}
                onClick={() => void payWith('failure')}
              >
                {t.order.payFail}
              </button>
            </>
          )}
          {a.confirm && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => void run('confirm')}
            >
              {t.provider.confirm}
            </button>
          )}
          {a.deliver && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={pending}
              onClick={() => void run('deliver')}
            >
              {t.provider.deliver}
            </button>
          )}
          {a.close && (
            <button
              type="button"
              className="btn btn-outline-primary"
              disabled={pending}
              onClick={() => void run('close')}
            >
              {t.provider.close}
            </button>
          )}
          {a.decline && (
            <button
              type="button"
              className="btn btn-outline-danger"
              disabled={pending}
              onClick={() => setAsking('decline')}
            >
              {t.provider.decline}
            </button>
          )}
          {a.cancel && (
            <button
              type="button"
              className="btn btn-outline-danger"
              disabled={pending}
              onClick={() => setAsking('cancel')}
            >
              {t.order.cancel}
            </button>
          )}
        </div>
      )}
      {!a.confirm && a.decline && order.paymentStatus !== 'paid' && (
        <p className="small mt-2 mb-0">{t.provider.waitingPayment}</p>
      )}
      <Dialog
        title={asking === 'decline' ? t.provider.declineConfirm : t.order.cancel}
        closeLabel={t.close}
        open={asking !== null}
        onClose={() => setAsking(null)}
      >
        <form onSubmit={submitReason} noValidate>
          <TextAreaField
            id={`reason-${order.id}`}
            label={asking === 'decline' ? t.provider.declineReason : t.order.cancelReason}
            value={reason}
            onChange={setReason}
            required
            rows={3}
            maxLength={500}
          />
          <ApiErrorAlert error={transition.error} />
          <div className="d-flex flex-wrap gap-2">
            <button type="submit" className="btn btn-danger" disabled={pending || reason.trim().length < 3}>
              {asking === 'decline' ? t.provider.declineConfirm : t.order.cancelConfirm}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={() => setAsking(null)}>
              {asking === 'decline' ? t.close : t.order.cancelKeep}
            </button>
          </div>
        </form>
      </Dialog>
    </div>
  );
}
