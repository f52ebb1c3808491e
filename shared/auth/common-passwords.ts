/**
 * The most common passwords (from public breach top lists, Russian-keyboard ones included), refused
 * at activation as OWASP ASVS 2.1.7 asks. Only those of 8+ characters matter: shorter are refused anyway.
 */
export const COMMON_PASSWORDS = new Set<string>([
  '12345678', '123456789', '1234567890', '12345678910', '11111111', '00000000', '88888888', '87654321',
  '11223344', '12341234', '12121212', '123123123', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', 'qwertyui',
  'qwertyuiop', 'qwerty123', 'qwerty12', 'password', 'password1', 'password123', 'passw0rd', 'iloveyou',
  'sunshine', 'princess', 'football', 'baseball', 'welcome1', 'abc12345', 'abcd1234', 'asdfghjk',
  'asdfghjkl', 'zxcvbnm1', 'zaq12wsx', 'q1w2e3r4', 'q1w2e3r4t5', 'qazwsxedc', 'superman', 'michael1',
  'trustno1', 'whatever', 'starwars', 'computer', 'internet', 'samsung1', 'nikita123', 'natasha1',
  'ytrewq123', 'йцукенгш', 'йцукенгшщз', 'пароль123', 'parol123', 'qwerty1234', '1234qwer', 'marina123',
  'school53', 'школа53', 'dnevnik1', 'dnevnik123', 'zhurnal1', 'zhurnal123', '9379992a', 'xxxxxxxx',
  '1111111111', '123456123456', '147258369', '159753456', '789456123', '987654321', '999999999',
]);
