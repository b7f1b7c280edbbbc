/**
 * Passwords too common to allow (ASVS 6.2.4, docs/reliability.md G11). Only passwords of 12 characters
 * or more matter, since shorter ones are refused anyway.
 *
 * Where it came from: written from memory of the heads of well-known public lists (SecLists'
 * "10-million-password-list-top-10000", the NCSC's "PwnedPasswordsTop100k" and Have I Been
 * Pwned's most-seen passwords), not copied from a file, so it is an approximation: LONG holds
 * long passwords seen in those lists, and BASES the very most common short ones, each turned
 * into the long forms people make of them (repeated, or with 123, 1234, 12345, 123456, !, 1!,
 * 2023–2026 added) by `commonPasswords()`. About 5,000 entries in all, compared lowercased.
 */
const LONG = `
123456789012 1234567890123 12345678901234 123456789000 1234567890qwe 1234567890qwerty
1234567890abc 0123456789012 111111111111 000000000000 123123123123 123412341234 121212121212
112233445566 147258369147 123321123321 987654321987 098765432109 0987654321098 741852963741
1q2w3e4r5t6y 1q2w3e4r5t6y7u 1qaz2wsx3edc 1qaz2wsx3edc4rfv qazwsxedcrfv qwertyuiopas
qwertyuiop12 qwertyuiop123 qwertyuiop1234 qwerty123456 qwerty1234567 qwertyqwerty
asdfghjkl123 asdfghjkl1234 asdfasdfasdf zxcvbnm12345 zxcvbnm123456 zaq12wsxcde3 zaq1zaq1zaq1
1qazxsw23edc q1w2e3r4t5y6 a1b2c3d4e5f6 abc123abc123 abcdefghijkl abcdefghijklmn abcd12345678
passwordpassword password1234 password12345 password123456 password1234567 passw0rd1234
p@ssw0rd1234 p@ssword1234 mypassword123 mypassword1234 newpassword123 changeme1234 changeme123456
letmein12345 letmein123456 welcome12345 welcome123456 welcome2024! iloveyou1234 iloveyou12345
iloveyouiloveyou trustno11234 administrator administrator1 administrator123 superman1234
batman123456 football1234 baseball1234 liverpool1234 chelsea12345 arsenal12345 manchester123
manchesterunited manchesterunited1 liverpoolfc1 blink1821234 starwars1234 pokemon12345
princess1234 sunshine1234 qwertyuiopasdfgh qwertyuiopasdfghjkl qwertyuiopasdfghjklzxcvbnm
thequickbrownfox correcthorsebatterystaple correcthorse1 iloveyoubaby iloveyousomuch
lovelylovely 1234qwerasdf 1234qwerasdfzxcv qwerasdfzxcv asdfqwerzxcv 1234abcd1234 abcd1234abcd
passw0rdpassw0rd whatever1234 nothingatall dragondragon michaelmichael jordan231234 hellohello12
hellokitty123 secretsecret computer1234 internet1234 football12345 0000000000000 1111111111111
999999999999 888888888888 777777777777 666666666666 555555555555 444444444444 333333333333
222222222222 aaaaaaaaaaaa qqqqqqqqqqqq zzzzzzzzzzzz xxxxxxxxxxxx 12341234qwer qweasdzxc123
qweasdzxcqwe qazwsx123456 1qaz2wsx1qaz qwe123qwe123 asd123asd123 zxc123zxc123 123qweasdzxc
123456qwerty 123456abcdef 123456asdfgh 123456789abc 123456789qwe 123456789asd 123456789aaa
12345678910a 123456789101 1234567891011 12345678910111 safeguarding safeguarding1
safeguarding123 safeguarding2 safeguarding20 socialworker socialwork123 researcher123
research1234 university123 summer123456 winter123456 spring123456 autumn123456 england12345
london123456 monkey123456 dragon123456 shadow123456 master123456 killer123456 jessica12345
qwerty123qwerty iloveyou123456 loveyou12345 welcome1welcome
`;

const BASES = `
123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball
abc123 football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890
michael 654321 superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan
jennifer zxcvbnm asdfgh hunter buster soccer harley batman andrew tigger sunshine iloveyou 2000
charlie robert thomas hockey ranger daniel starwars klaster 112233 george computer michelle
jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom 777777 pass maggie 159753 aaaaaa
ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme matthew access
yankees 987654321 dallas austin thunder taylor matrix william corvette hello martin heather
secret merlin diamond 1234qwer gfhjkm hammer silver 222222 88888888 anthony justin test bailey
q1w2e3r4t5 patrick internet scooter orange 11111 golfer cookie richard samantha bigdog guitar
jackson whatever mickey chicken sparky snoopy maverick phoenix camaro peanut morgan welcome
falcon cowboy ferrari samsung andrea smokey steelers joseph mercedes dakota arsenal eagles
melissa boomer booboo spider nascar monster tigers yellow xxxxxx 123123123 gateway marina
diablo bulldog qwer1234 compaq purple hardcore banana junior hannah 123654 porsche lakers
iceman money cowboys 987654 london tennis 999999 ncc1701 coffee scooby 0000 miller boston
q1w2e3r4 brandon yamaha chester mother forever johnny edward 333333 oliver redsox player
nikita knight fender barney midnight please brandy chicago badboy slayer rangers charles angel
flower bigdaddy rabbit wizard jasper enter rachel chris steven winner adidas victoria natasha
1q2w3e4r jasmine winter prince panties marine ghbdtn fishing cocacola casper james 232323
raiders 888888 marlboro gandalf asdfasdf crystal 87654321 12344321 golden 8675309 apple
liverpool manchester changeme admin administrator login passw0rd p@ssw0rd p@ssword qwerty1
password1 password12 abc12345 iloveyou1 welcome1 letmein1 monkey1 dragon1 football1 baseball1
sunshine1 princess1 shadow1 master1 qwerty12 aa123456 1q2w3e 123abc zaq12wsx asdf1234
qazwsxedc 1qazxsw2 zaq1xsw2 hello123 love123 test123 guest root toor user default secret123
pokemon minecraft fortnite roblox chocolate butterfly lovely loveme babygirl angel1 blessed
family jesus christ heaven god mylove teamo anime naruto
`;

const SUFFIXES = [
  '',
  '1',
  '!',
  '1!',
  '12',
  '123',
  '1234',
  '12345',
  '123456',
  '2023',
  '2024',
  '2025',
  '2026',
];

let cached: Set<string> | undefined;

/** The whole list, lowercased, 12 characters or longer. */
export function commonPasswords(): Set<string> {
  if (cached) return cached;
  const set = new Set<string>();
  const add = (p: string) => {
    if ([...p].length >= 12) set.add(p.toLowerCase());
  };
  for (const p of LONG.split(/\s+/)) if (p) add(p);
  for (const base of BASES.split(/\s+/)) {
    if (!base) continue;
    for (const suffix of SUFFIXES) {
      add(base + suffix);
      add(base + base + suffix);
      add(capitalised(base) + suffix);
    }
    add(base + base + base);
  }
  cached = set;
  return set;
}

/**
 * True for a listed password, and for one made of a single character or a short block repeated
 * ("aaaaaaaaaaaa", "abcabcabcabc"), which lists only partly cover.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return true;
  return /^(.{1,4})\1+$/su.test(lower);
}

function capitalised(word: string) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
