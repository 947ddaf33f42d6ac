import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { RoundPlan } from '../../../../shared/src/rounds/rounds.schemas';
import { I18nProvider } from '../../i18n/I18nProvider';
import { MoveStopForm } from './MoveStopForm';

const stop = (taskId: string, beneficiaryName: string) => ({ taskId, beneficiaryName });
const plan = {
  id: 'plan-1',
  rounds: [
    {
      volunteerId: 'anna',
      volunteerName: 'Anna Neri',
      stops: [stop('a1', 'Ada'), stop('a2', 'Bice'), stop('a3', 'Carla')],
    },
    { volunteerId: 'bruno', volunteerName: 'Bruno Verdi', stops: [stop('b1', 'Dino')] },
  ],
  unserved: [],
} as unknown as RoundPlan;

function renderForm(taskId: string, onMove = vi.fn()) {
  render(
    <I18nProvider>
      <MoveStopForm
        plan={plan}
        taskId={taskId}
        beneficiaryName="Ada"
        pending={false}
        onMove={onMove}
        onCancel={vi.fn()}
      />
    </I18nProvider>,
  );
  return onMove;
}

afterEach(cleanup);

describe('moving a stop with the keyboard form', () => {
  it('starts where the stop is, and will not send a move that changes nothing', () => {
    renderForm('a1');
    expect((screen.getByLabelText('Nel giro di') as HTMLSelectElement).value).toBe('anna');
    expect((screen.getByLabelText('Posizione') as HTMLSelectElement).value).toBe('0');
    expect((screen.getByRole('button', { name: 'Sposta qui' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('offers the end of another round first, and sends the round and position chosen', () => {
    const onMove = renderForm('a1');
    fireEvent.change(screen.getByLabelText('Nel giro di'), { target: { value: 'bruno' } });
    const position = screen.getByLabelText('Posizione') as HTMLSelectElement;
    expect([...position.options].map((o) => o.text)).toEqual(['1', '2 (ultima)']);
    expect(position.value).toBe('1');
    fireEvent.change(position, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sposta qui' }));
    expect(onMove).toHaveBeenCalledWith('bruno', 0);
  });
});
