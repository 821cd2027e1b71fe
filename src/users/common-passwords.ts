/**
 * Passwords found at the top of published leak lists, international and Chinese, vendor defaults
 * such as `Huawei@123`, and the variants people make of them to pass a "three kinds of characters"
 * rule. Compared in lowercase, so `Woaini1314` is `woaini1314`.
 *
 * Many are shorter than the 10 characters a password needs anyway: they are listed so that the list
 * says what it is, and still holds if the minimum is ever lowered.
 */
const LIST = `
123456 123456789 12345678 12345 1234567 1234567890 12345678910 0123456789 9876543210 111111 000000
123123 123123123 123321 654321 666666 888888 121212 112233 11223344 12341234 159753 147258 147258369
159357 741852963 987654321 987654 321321 456456 789456 789456123 147852 147852369 258369 963852741
11111111 00000000 88888888 66666666 1111111111 0000000000 1234512345 1234554321 1qaz2wsx 1qaz2wsx3edc
1qazxsw2 zaq12wsx zaq1@wsx 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e! 1q2w3e4r! 1q2w3e4r5t!
q1w2e3r4 q1w2e3r4t5 a1b2c3d4 1a2b3c4d a1b2c3d4e5 password password1 password12 password123
password1234 password12345 password! password1! password12! password123! password@1 password@12
password@123 password@1234 password#123 password.123 passw0rd passw0rd! passw0rd1 passw0rd12
passw0rd123 passw0rd@123 p@ssw0rd p@ssw0rd! p@ssw0rd1 p@ssw0rd12 p@ssw0rd123 p@ssw0rd1234
p@ssw0rd2023 p@ssw0rd2024 p@ssw0rd2025 p@ssw0rd2026 p@ssword p@ssword1 p@ssword123 p@55w0rd
p@55w0rd123 pa$$w0rd pa$$word pa$$w0rd123 pass@123 pass@1234 pass@12345 pass1234 pass1234!
pass123456 qwerty qwerty1 qwerty12 qwerty123 qwerty1234 qwerty12345 qwerty123456 qwerty123!
qwerty!@# qwertyui qwertyuiop qwertyuiop123 qwert12345 qwer1234 qwer12345 qwer123456 qwer12345678
qwer!@#$ qwer1234!@#$ qwe123 qwe1234 qwe12345 qwe123456 qwe1234567 qwe123456789 qwe123!@#
qwe!@#123 qwe@123 qwe@1234 qwe@123456 qwe123!@#qwe qweasd qweasd123 qweasdzxc qweasdzxc123
qweasd123!@# 123qwe 123qwe!@# 123qweasd 123qweasdzxc qazwsx qazwsx123 qazwsxedc qazwsxedc123
qaz123 qaz123456 1qaz@wsx 1qaz@wsx3edc 1qaz!qaz 1qaz!qaz2wsx 1qaz!qaz2wsx@wsx !qaz2wsx !qaz@wsx
!qaz2wsx3edc 1qaz2wsx! 1qaz2wsx!@ zxcvbnm zxcvbn zxcvbnm123 zxc123 zxc123456 zxc1234567 zxcv1234
zxcv123456 asdfghjkl asdfgh asdf1234 asdf123456 asdf@1234 asd123 asd123456 asd123456789
1234qwer 1234qwer!@ 1234!@#$ !@#$%^&* !@#$%^&*() 1234567890- abc123 abc1234 abc12345 abc123456
abc1234567 abc12345678 abc123456789 abc@123 abc@1234 abc@123456 abc!123 abc!123456 abc123!@#
abcd1234 abcd12345 abcd123456 abcd12345678 abcd@1234 abcd1234! abcd!234 abcd@123456 abcdef
abcdefg abcdefgh abcdefg123 a123456 a1234567 a12345678 a123456789 a1234567890 a11111111
a123123123 aa123456 aa1234567 aa12345678 aa123456789 aa1234567890 aa123123 aa111111 aa123456.
aa123456! aa123456@ aa@123456 aa1234567! aaa111 aaa123 aaa123456 aaaaaa aaaaaaaa aaaaaaaaaa
123456a 123456aa 123456abc 123456qq 123456.com 123.com 123456789a 12345678a 1234567890a
123456789abc 123abc 123456789q 1234567a qq123456 qq123456789 qq1234567890 qaz123wsx
iloveyou iloveyou1 iloveyou! iloveyou12 iloveyou123 iloveyou520 iloveyou1314 iloveyou5201314
woaini woaini123 woaini1234 woaini123456 woaini520 woaini521 woaini1314 woaini13145 woaini1314520
woaini5201314 woaini520520 woaini1314! wo123456 woainia woaini666 aini1314 aini520 love1314
love123 love520 lovely 5201314 1314520 520520 521521 520520520 5211314 1314521 5201314520
1314520520 7758521 7758258 584520 520131400 000000a 111111a 123123a admin admin1 admin12
admin123 admin1234 admin12345 admin123456 admin888 admin666 admin@123 admin@1234 admin@12345
admin@123456 admin123! admin123!@# admin#123 admin!123 admin@2023 admin@2024 admin@2025
admin@2026 admin2023 admin2024 admin2025 admin2026 administrator administrator1 administrator@123
root root123 root1234 root@123 root@1234 root@12345 root123456 toor test test123 test1234
test12345 test123456 test@123 test@1234 test@12345 testtest guest guest123 user user123
user@123 user1234 oracle oracle123 mysql mysql123 server server123 sa123456 system system123
manager manager123 huawei huawei123 huawei1234 huawei@123 huawei@1234 huawei12#$ huawei@2024
h3c@123 zte@123 cisco cisco123 sangfor sangfor123 changeme changeme1 changeme123 changeme!
welcome welcome1 welcome12 welcome123 welcome1234 welcome@123 welcome@2024 welcome1! letmein
letmein1 letmein123 monkey monkey123 monkey12345 dragon dragon123 dragon12345 football football1
football123 baseball baseball1 sunshine sunshine1 sunshine123 princess princess1 master master123
master12345 shadow shadow123 superman superman1 superman123 michael michael1 jordan23 trustno1
starwars secret secret123 hello hello123 hello12345 hello@123 hello@12345 china china123
china12345 china@123 china@12345 zhongguo zhongguo123 beijing beijing123 beijing@123 shanghai
shanghai123 shanghai@123 zhang123 zhang123456 wang123 wang123456 li123456 liu123456 chen123456
yang123456 zhao123456 huang123456 wu123456 zhou123456 xiaoming xiaoming123 woshishui nihao
nihao123 nihao123456 wocaonima tiantian haoxiang 147258369a 159357456 147896325 123654789
qwer!@#$1234 spring2024! summer2024! autumn2024! winter2024! spring@2024 summer@2024
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean).map((p) => p.toLowerCase()));
