// Annex III (important products, classes I and II) and Annex IV (critical products) categories of
// Reg. (EU) 2024/2847, as data (reference note §1.7 [N]; technical descriptions in Implementing Reg.
// (EU) 2025/2392). Keywords let a core-function description find its category; the choice is the
// user's to confirm (Art. 7(1): the core functionality decides, not a secondary feature).

export type ProductClass = 'default' | 'important-class-i' | 'important-class-ii' | 'critical';

export interface ProductCategory {
  id: string;
  class: Exclude<ProductClass, 'default'>;
  /** Annex and point, e.g. "Annex III Class I (3)". */
  clause: string;
  name: string;
  /** Lower-case words or phrases of a core function that point at this category. */
  keywords: readonly string[];
}

const I = (n: number, id: string, name: string, keywords: string[]): ProductCategory => ({
  id,
  class: 'important-class-i',
  clause: `CRA Annex III Class I (${n})`,
  name,
  keywords,
});
const II = (n: number, id: string, name: string, keywords: string[]): ProductCategory => ({
  id,
  class: 'important-class-ii',
  clause: `CRA Annex III Class II (${n})`,
  name,
  keywords,
});
const C = (n: number, id: string, name: string, keywords: string[]): ProductCategory => ({
  id,
  class: 'critical',
  clause: `CRA Annex IV (${n})`,
  name,
  keywords,
});

export const PRODUCT_CATEGORIES: readonly ProductCategory[] = [
  I(
    1,
    'identity-management',
    'Identity management systems and privileged access management software and hardware, including authentication and access control readers, including biometric readers',
    [
      'identity management',
      'privileged access',
      'access control reader',
      'biometric reader',
      'single sign-on',
      'authentication server',
    ],
  ),
  I(2, 'browser', 'Standalone and embedded browsers', ['browser', 'web browser']),
  I(3, 'password-manager', 'Password managers', ['password manager', 'password vault']),
  I(4, 'anti-malware', 'Software that searches for, removes, or quarantines malicious software', [
    'anti-malware',
    'antivirus',
    'anti-virus',
    'malware scanner',
  ]),
  I(5, 'vpn', 'Products with digital elements with the function of virtual private network (VPN)', [
    'vpn',
    'virtual private network',
  ]),
  I(6, 'network-management', 'Network management systems', ['network management']),
  I(7, 'siem', 'Security information and event management (SIEM) systems', [
    'siem',
    'security information and event management',
  ]),
  I(8, 'boot-manager', 'Boot managers', ['boot manager', 'bootloader', 'boot loader']),
  I(9, 'pki', 'Public key infrastructure and digital certificate issuance software', [
    'public key infrastructure',
    'pki',
    'certificate authority',
    'certificate issuance',
  ]),
  I(10, 'network-interface', 'Physical and virtual network interfaces', ['network interface', 'network card', 'nic']),
  I(11, 'operating-system', 'Operating systems', ['operating system']),
  I(12, 'router-modem-switch', 'Routers, modems intended for the connection to the internet, and switches', [
    'router',
    'modem',
    'switch',
  ]),
  I(13, 'microprocessor-security', 'Microprocessors with security-related functionalities', [
    'microprocessor with security',
  ]),
  I(14, 'microcontroller-security', 'Microcontrollers with security-related functionalities', [
    'microcontroller with security',
  ]),
  I(
    15,
    'asic-fpga-security',
    'Application specific integrated circuits (ASIC) and field-programmable gate arrays (FPGA) with security-related functionalities',
    ['asic', 'fpga'],
  ),
  I(16, 'smart-home-assistant', 'Smart home general purpose virtual assistants', [
    'virtual assistant',
    'voice assistant',
  ]),
  I(
    17,
    'smart-home-security',
    'Smart home products with security functionalities, including smart door locks, security cameras, baby monitoring systems and alarm systems',
    ['smart lock', 'door lock', 'security camera', 'baby monitor', 'alarm system'],
  ),
  I(18, 'connected-toy', 'Internet connected toys with social interactive or location tracking features', [
    'connected toy',
  ]),
  I(
    19,
    'wearable',
    'Personal wearable products to be worn or placed on a human body with a health monitoring purpose, or intended for use by and for children',
    ['wearable', 'fitness tracker', 'smartwatch'],
  ),
  II(
    1,
    'hypervisor-container-runtime',
    'Hypervisors and container runtime systems that support virtualised execution of operating systems and similar environments',
    ['hypervisor', 'container runtime', 'virtual machine monitor'],
  ),
  II(2, 'firewall-ids', 'Firewalls, intrusion detection and prevention systems', [
    'firewall',
    'intrusion detection',
    'intrusion prevention',
    'ids',
    'ips',
  ]),
  II(3, 'tamper-resistant-microprocessor', 'Tamper-resistant microprocessors', ['tamper-resistant microprocessor']),
  II(4, 'tamper-resistant-microcontroller', 'Tamper-resistant microcontrollers', ['tamper-resistant microcontroller']),
  C(1, 'hardware-security-box', 'Hardware devices with security boxes', [
    'security box',
    'hardware security module',
    'hsm',
  ]),
  C(
    2,
    'smart-meter-gateway',
    'Smart meter gateways within smart metering systems and other devices for advanced security purposes, including for secure cryptoprocessing',
    ['smart meter gateway', 'smart-meter gateway', 'secure cryptoprocessing'],
  ),
  C(3, 'smartcard', 'Smartcards or similar devices, including secure elements', [
    'smartcard',
    'smart card',
    'secure element',
  ]),
];

export function findCategory(id: string): ProductCategory | undefined {
  return PRODUCT_CATEGORIES.find((c) => c.id === id);
}
