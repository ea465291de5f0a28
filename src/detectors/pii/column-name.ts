import { PII_KINDS, type PiiKind } from './kinds.js';

/**
 * What a column's name says about each kind: a prior folded into the value evidence (see evidence.ts).
 * The name is never enough on its own; it lowers the share of values that must validate, and for kinds
 * whose values are weak evidence (names, addresses, dates, postcodes, passports) it is what makes a
 * finding possible at all. NEGATIVE rules a kind out when the values are ambiguous (a `city` column is not
 * a person's name, `app_version` holding 10.2.3.4 is not an IP address).
 */
export const STRONG = 0.9;
export const WEAK = 0.45;
export const NONE = 0;
export const NEGATIVE = -1;

export type NamePriors = Record<PiiKind, number>;

/** `customerEmailAddress`, `DOB`, `address_line1`, `Zip Code` → `customer_email_address`, `dob`, `address_line_1`, `zip_code`. */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/([A-Za-z])(\d)/g, '$1_$2')
    .replace(/(\d)([A-Za-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const t = (words: string) => new RegExp(`(?:^|_)(?:${words})(?:_|$)`);

/** The column is about the value, not the value itself (`email_opt_in`, `phone_verified`, `ssn_hash`). */
const META = t(
  'opt|optin|opted|opt_in|opt_out|consent|consents|flag|flags|verified|valid|validated|validation|is|has|count|cnt|hash|hashed|masked|encrypted|token|tokenized|len|length|domain|provider|score|bounced|bounce|confirmed|enabled|allowed|pref|prefs|preference|preferences|status|type|format|exists|present|missing|changed|updated|sent|open|opens|click|clicks|rate|ratio|pct|percent|share|mask|sha|md5|index|rating',
);

/** Compound names whose last word only looks like a meta word (`blood_type` is health data). */
const META_EXEMPT = t('blood_type|blood_group|phone_type_of_contact');

interface NameRule {
  strong?: RegExp;
  weak?: RegExp;
  negative?: RegExp;
}

const RULES: Record<PiiKind, NameRule> = {
  email: { strong: t('email|emails|e_mail|mail|emailaddress|email_address|mail_address|e_mail_address|correo|correo_electronico|courriel|e_post|epost') },
  phone: {
    strong: t('phone|phones|telephone|tel|tel_no|telno|mobile|mobile_no|mobile_number|cellphone|cell_phone|fax|msisdn|phone_number|phonenumber|contact_number|contact_no|whatsapp|landline|telefono|telefon|telefonnummer|handy|movil|celular|portable|cellulare|telefoonnummer|numero_telephone'),
    weak: t('cell|contact'),
  },
  ssn: {
    strong: t('ssn|ssns|social_security|soc_sec|socsec|social_security_number|social_sec|national_id|national_insurance|nino|ssn_number'),
    weak: t('sin|tin|tax_id|taxpayer_id|taxid'),
  },
  credit_card: {
    strong: t('credit_card|creditcard|card_number|cardnumber|card_no|cardno|cc|cc_number|ccnum|cc_num|ccn|pan|debit_card|card_num'),
    weak: t('card'),
  },
  iban: { strong: t('iban|ibans'), weak: t('bank_account|account_number|acct_no|account_no|bank_acct') },
  ip: {
    strong: t('ip|ips|ipv4|ipv6|ipaddr|ip_addr|ipaddress|ip_address|remote_addr|client_ip|src_ip|dst_ip|source_ip|dest_ip|host_ip|remote_ip'),
    negative: t('version|versions|ver|release|build|firmware|revision|rev|semver|sdk|oid|mib'),
  },
  person_name: {
    strong: new RegExp(
      [
        t('first|given|last|family|middle|maiden|full|sur|fore|legal|birth|christian|second').source.replace(/\(\?:_\|\$\)$/, '_?names?(?:_|$)'),
        t('surname|surnames|forename|forenames|fname|lname|mname|firstname|lastname|fullname|givenname|familyname|middlename|maidenname|full_name|apellido|apellidos|prenom|vorname|nachname|cognome|voornaam|achternaam|nom_complet|nombre_completo').source,
        t(
          'customer|client|patient|employee|person|contact|owner|holder|member|student|author|cardholder|card_holder|account_holder|beneficiary|recipient|sender|payee|payer|guardian|parent|spouse|driver|passenger|guest|applicant|candidate|resident|tenant|buyer|seller|insured|subscriber|mother|father|manager|teacher|doctor|physician|nurse|agent|emergency_contact|signer|signatory|worker|volunteer|donor|voter|citizen|traveller|traveler|visitor|pupil|child|kid|victim|suspect|witness|caller|user_full',
        ).source.replace(/\(\?:_\|\$\)$/, '_?names?(?:_|$)'),
      ].join('|'),
    ),
    weak: t('name|names|person|patient|customer|client|employee|contact|author|insured|holder|nombre|nome|nom|naam'),
    negative: t(
      'product|products|company|companies|file|filename|city|cities|street|brand|item|items|category|categories|host|hostname|business|org|organization|organisation|table|column|field|user|username|login|account|domain|app|application|project|model|device|team|store|shop|place|location|country|countries|state|states|region|province|county|school|university|hotel|restaurant|dataset|server|bank|department|dept|job|title|role|vendor|supplier|merchant|menu|course|event|game|song|album|artist|book|movie|species|drug|disease|color|colour|font|key|tag|label|class|group|suburb|town|village|district|venue|site|page|sheet|branch|agency|unit|service|plan|package|module|function|method|variable|display|screen|nick|nickname|path|folder|dir|directory|queue|topic|channel|bucket|container|image|resource|feature|metric|attribute|road|avenue|area|zone|neighbourhood|neighborhood|municipality|locality|airport|station|stadium|building|ship|vessel|team|league|club|firm|employer|publisher|manufacturer|make|variety|breed|pet|animal|plant|material|ingredient|dish|recipe|genre|tier|level|stage|phase|step|task|job_title|position|occupation',
    ),
  },
  address: {
    strong: t('address|addresses|addr|address_line|addressline|street|streets|street_address|streetaddress|residential_address|mailing|mailing_address|home_address|house_number|housenumber|house_no|apt|apartment|po_box|pobox|street_number|street_no|street_name|billing_address|shipping_address|postal_address|direccion|domicilio|adresse|anschrift|strasse|indirizzo|endereco|adres|calle|rue'),
    weak: t('residence|line_1|line_2|line_3|location'),
    // `address_id`, `c_current_addr_sk`: a key into an address table, not an address
    negative: t('email|emails|e_mail|mail|ip|ipv4|ipv6|mac|url|urls|web|website|wallet|btc|eth|crypto|host|server|memory|mem|register|hex|pointer|ptr|contract|city|town|suburb|state|country|county|region|province|district|postcode|zip|zipcode|postal_code|postalcode|sk|fk|pk|id|ids|key|keys|uuid|count'),
  },
  date_of_birth: {
    strong: t('dob|d_o_b|birth|births|birthdate|birth_date|birthday|bday|born|date_of_birth|birthyear|birth_year|yob|year_of_birth|birth_dt|dateofbirth|geburtsdatum|geburtstag|fecha_nacimiento|fecha_de_nacimiento|nacimiento|date_naissance|date_de_naissance|naissance|data_nascita|data_di_nascita|geboortedatum'),
    negative: t('place|city|country|town|weight|weights|rate|rates|count|state|location|hospital|name|names|order|certificate|cert|registration|county|province|region|rank|order'),
  },
  passport: { strong: /passport|pasaporte|passeport|reisepass|passaporto|paspoort|(?:^|_)travel_document(?:_|$)/ },
  health: {
    strong: t(
      'icd|icd9|icd10|icd_9|icd_10|icd_code|icd_codes|diagnosis|diagnoses|diagnosis_code|diag|diag_code|mrn|medical_record|medical_record_number|medical_record_no|med_rec|medrec|med_rec_no|chart_no|chart_number|medication|medications|prescription|prescriptions|allergy|allergies|symptom|symptoms|disease|diseases|illness|illnesses|nhs_number|nhs_no|patient_id|patient_number|patient_no|health_record|health_insurance_number|hicn|mbi|cpt|cpt_code|procedure_code|icd_cm|comorbidity|comorbidities|condition_code|medical_condition|medical_conditions|health_condition|health_conditions|blood_type|blood_group|bloodtype|vaccination|vaccine_status|disability|hiv_status|lab_result|lab_results',
    ),
    weak: t('condition|conditions|treatment|treatments|health|medical|procedure|procedures|dx|clinical'),
  },
  postal_code: {
    strong: t('zip|zips|zipcode|zip_code|zip_5|zip5|zip_4|zip4|postcode|post_code|postcodes|postal|postalcode|postal_code|plz|postleitzahl|cep|eircode|pincode|pin_code|postcode_area|codigo_postal|code_postal|postnummer|postnr|codice_postale'),
    weak: t('cp|cap'),
    negative: t('file|files|zipfile|archive|compressed|compression|plate|plates|license_plate|licence_plate|vehicle|vin|registration|sku|product|model|serial|part|flight|seat|room|gate'),
  },
};

/** Priors per kind for one column name; computed once per column, not per value. */
export function namePriors(columnName: string): NamePriors {
  const n = normalizeColumnName(columnName);
  const meta = META.test(n) && !META_EXEMPT.test(n);
  const out = {} as NamePriors;
  for (const kind of PII_KINDS) {
    const rule = RULES[kind];
    let p = NONE;
    if (rule.negative?.test(n)) p = NEGATIVE;
    else if (!meta && rule.strong?.test(n)) p = STRONG;
    else if (!meta && rule.weak?.test(n)) p = WEAK;
    out[kind] = p;
  }
  return out;
}
