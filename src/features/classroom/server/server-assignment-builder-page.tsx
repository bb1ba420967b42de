import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { SelectField } from '@/components/select-field';
import { usePageTitle } from '@/hooks/use-page-title';
import { paths } from '@/navigation/paths';
import { AssignmentBuilderForm, type BuiltAssignment } from '../assignment-builder-page';
import { api } from './api-client';
import { localInputToIso } from './assignment-times';
import { TeacherOnly } from './teacher-only';
import { useApiData } from './use-api-data';

/** Today's builder, plus a class, opening and closing times and attempts; saved on the server. */
export function ServerAssignmentBuilderPage() {
  usePageTitle('New assignment');
  return <TeacherOnly>{() => <ServerAssignmentBuilder />}</TeacherOnly>;
}

function ServerAssignmentBuilder() {
  const navigate = useNavigate();
  const classes = useApiData(api.classes, []);
  const ids = { opens: useId(), closes: useId(), attempts: useId() };
  const [classId, setClassId] = useState('');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [attemptsAllowed, setAttemptsAllowed] = useState(1);

  async function save(built: BuiltAssignment): Promise<string | undefined> {
    const opens = localInputToIso(opensAt);
    const closes = localInputToIso(closesAt);
    if (opens === 'invalid') return 'The opening time is not a date and time.';
    if (closes === 'invalid') return 'The closing time is not a date and time.';
    const created = await api.createAssignment({
      ...built,
      opensAt: opens,
      closesAt: closes,
      attemptsAllowed,
      classId: classId || null,
    });
    if (!created.ok) return created.message;
    void navigate(paths.serverAssignment(created.data.id));
    return undefined;
  }

  const classOptions =
    classes.loaded.state === 'ready'
      ? classes.loaded.data.map((klass) => ({ value: klass.id, label: klass.name }))
      : [];

  return (
    <AssignmentBuilderForm
      lead="Choose questions and settings. Students open a link that carries only a random id; their answers are graded by the server and come back to you."
      onBuilt={save}
      extraSettings={
        <fieldset className="option-group">
          <legend>On the server</legend>
          <SelectField
            label="Class (its roster lets students pick their name)"
            value={classId}
            onChange={setClassId}
            anyLabel="No class"
            options={classOptions}
          />
          <div className="field">
            <label htmlFor={ids.opens}>Opens (empty = now)</label>
            <input
              id={ids.opens}
              type="datetime-local"
              className="text-field text-field--short"
              value={opensAt}
              onChange={(e) => setOpensAt(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.closes}>Closes (empty = when you close it)</label>
            <input
              id={ids.closes}
              type="datetime-local"
              className="text-field text-field--short"
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.attempts}>Attempts allowed per student</label>
            <input
              id={ids.attempts}
              type="number"
              min={1}
              max={20}
              className="text-field text-field--short"
              value={attemptsAllowed}
              onChange={(e) => setAttemptsAllowed(Math.min(20, Math.max(1, Number(e.target.value) || 1)))}
            />
          </div>
        </fieldset>
      }
    />
  );
}
