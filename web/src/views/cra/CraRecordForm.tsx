// Editing a product's CRA record: the role questionnaire, core function and category, route,
// support period, disclosure contact and one document fact at a time. The server checks the whole
// record and names the field at fault.
import { useState } from 'react';
import { craApi } from '../../api/cra-endpoints.js';
import type { CraRecordPatch, CraRecordView } from '../../api/cra-endpoints.js';
import { ActionForm, Field, SelectField, splitList } from '../../components/forms.js';
import { PRODUCT_CATEGORIES } from '../../../../src/cra/product/categories.js';
import { INFORMATION_KEYS } from '../../../../src/cra/record/information.js';
import { EXPLOITABLE_THRESHOLDS } from '../../../../src/cra/record/annex-i-computed.js';
import type { RoleAnswers } from '../../../../src/cra/product/operator-role.js';
import type { ConformityRoute } from '../../../../src/cra/product/classification.js';

// Keys and values typed by the CRA layer's vocabulary: one the server does not know does not compile.
const QUESTIONS: Array<[keyof RoleAnswers, string]> = [
  [
    'marketsUnderOwnName',
    'We develop the product (or have it developed) and market it under our own name or trademark',
  ],
  ['importsFromOutsideUnion', 'We place on the EU market a product of a manufacturer established outside the Union'],
  ['makesAvailableUnchanged', 'We make available a product someone else placed on the market, unchanged'],
  ['openSource', 'The product is free and open-source software'],
  ['monetised', 'It is monetised (price, paid support beyond costs, personal-data monetisation)'],
  [
    'sustainsForCommercialUse',
    'We are a legal person sustaining this FOSS for commercial use without being its manufacturer',
  ],
  ['legacyUnmodified', 'Placed on the market before 11 Dec 2027 and not substantially modified since'],
];

const ROUTES: { value: ConformityRoute | ''; label: string }[] = [
  { value: '', label: '(none chosen)' },
  { value: 'module-a', label: 'Module A: internal control' },
  { value: 'module-b-c', label: 'Modules B + C: EU-type examination' },
  { value: 'module-h', label: 'Module H: full quality assurance' },
  { value: 'eu-certification', label: 'EU cybersecurity certification' },
];

export function CraRecordForm({
  productId,
  view,
  onSaved,
}: {
  productId: number;
  view: CraRecordView;
  onSaved: (v: CraRecordView) => void;
}) {
  const r = view.record;
  const [answers, setAnswers] = useState<Record<string, boolean>>({
    ...(r.roleAnswers as Record<string, boolean> | null),
  });
  const [coreFunction, setCoreFunction] = useState(r.coreFunction ?? '');
  const [category, setCategory] = useState(r.category ?? '');
  const [route, setRoute] = useState(r.route ?? '');
  const [start, setStart] = useState(r.support?.start ?? '');
  const [end, setEnd] = useState(r.support?.endMonth ?? '');
  const [expectedUse, setExpectedUse] = useState(r.support?.factors.expectedUseTime ?? '');
  const [contacts, setContacts] = useState(r.cvd.contacts.join(', '));
  const [policyUrl, setPolicyUrl] = useState(r.cvd.policyUrl ?? '');
  const [threshold, setThreshold] = useState<string>(r.exploitableThreshold ?? '');
  const [shipRequires, setShipRequires] = useState((r.shipRequires ?? []).join(', '));
  const [factKey, setFactKey] = useState(INFORMATION_KEYS[0]!.key);
  const [factValue, setFactValue] = useState(r.information[INFORMATION_KEYS[0]!.key] ?? '');

  const save = async () => {
    const changes: CraRecordPatch = {
      roleAnswers: Object.fromEntries(QUESTIONS.map(([key]) => [key, answers[key] === true])),
      coreFunction: coreFunction.trim() || null,
      category: category || null,
      route: route || null,
      cvd: { contacts: splitList(contacts), policyUrl: policyUrl.trim() || null },
      information: { [factKey]: factValue },
      exploitableThreshold: threshold || null,
      shipRequires: splitList(shipRequires),
    };
    if (start && end) changes.support = { start, endMonth: end, factors: { expectedUseTime: expectedUse } };
    onSaved(await craApi.update(productId, changes));
  };

  return (
    <section className="card" aria-labelledby="cra-record-form">
      <h2 id="cra-record-form">CRA record</h2>
      <ActionForm label="CRA record" submitLabel="Save CRA record" onSubmit={save} className="stacked-form">
        <fieldset>
          <legend>Role questionnaire (CRA Art. 3, 24; recitals 15–19)</legend>
          {QUESTIONS.map(([key, question]) => (
            <label key={key} className="check">
              <input
                type="checkbox"
                checked={answers[key] === true}
                onChange={(e) => setAnswers({ ...answers, [key]: e.target.checked })}
              />{' '}
              {question}
            </label>
          ))}
        </fieldset>
        <Field
          label="Core function"
          hint="Art. 7(1): the core functionality decides the class"
          value={coreFunction}
          onChange={(e) => setCoreFunction(e.target.value)}
        />
        <SelectField
          label="Product category"
          value={category}
          onChange={setCategory}
          options={[
            { value: '', label: '(not classified)' },
            { value: 'default', label: 'Default: no Annex III/IV category' },
            ...PRODUCT_CATEGORIES.map((c) => ({ value: c.id, label: `${c.name} (${c.clause})` })),
          ]}
        />
        <SelectField label="Conformity assessment route" value={route} onChange={setRoute} options={ROUTES} />
        <Field label="Placed on the market" type="date" value={start} onChange={(e) => setStart(e.target.value)} />
        <Field
          label="End of support (month)"
          type="month"
          hint="Art. 13(8): at least five years unless the expected use is shorter"
          value={end}
          onChange={(e) => setEnd(e.target.value)}
        />
        <Field
          label="Expected use time (Art. 13(8) factor)"
          value={expectedUse}
          onChange={(e) => setExpectedUse(e.target.value)}
        />
        <Field
          label="Contacts for vulnerability reports"
          hint="mailto:, https: or tel:, comma-separated (Art. 13(17))"
          value={contacts}
          onChange={(e) => setContacts(e.target.value)}
        />
        <Field
          label="CVD policy URL"
          hint="Annex I Part II (5)"
          value={policyUrl}
          onChange={(e) => setPolicyUrl(e.target.value)}
        />
        <SelectField
          label="Exploitable threshold (Annex I I.a)"
          value={threshold}
          onChange={setThreshold}
          options={[
            { value: '', label: 'high (default)' },
            ...EXPLOITABLE_THRESHOLDS.map((t) => ({ value: t, label: t })),
          ]}
        />
        <Field
          label="Release gate: requirements a release must settle before it ships"
          hint="Annex I ids, comma-separated, e.g. I.a, II.1, II.5 (CRA Art. 13(12)); I.a and II.1 count with their computed value"
          value={shipRequires}
          onChange={(e) => setShipRequires(e.target.value)}
        />
        <SelectField
          label="Document fact"
          value={factKey}
          onChange={(key) => {
            setFactKey(key);
            setFactValue(r.information[key] ?? '');
          }}
          options={INFORMATION_KEYS.map((i) => ({ value: i.key, label: `${i.label} (${i.clause})` }))}
        />
        <Field
          label="Value of the document fact"
          hint="empty removes it"
          value={factValue}
          onChange={(e) => setFactValue(e.target.value)}
        />
      </ActionForm>
    </section>
  );
}
