import { describe, expect, it } from 'vitest';
import { agentFamily, hasStaffCookie, isBot } from './agent';
import botList from './bot-user-agents.json';

const browsers = {
  chrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  safari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  chromeOnIphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
};

const bots = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Twitterbot/1.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0) Microsoft Office Safe Links (Microsoft Outlook)',
  'Proofpoint URL Defense',
  'Mimecast-URL-Protect/1.0',
  'WhatsApp/2.23.20.0',
];

describe('who is viewing', () => {
  it('takes crawlers, link previews, mail scanners and headless browsers for bots, and every pattern of the list', () => {
    for (const agent of bots) expect(isBot(agent), agent).toBe(true);
    for (const pattern of botList.patterns) expect(isBot(`Mozilla/5.0 (${pattern.toUpperCase()})`), pattern).toBe(true);
    expect(isBot(null)).toBe(true);
    expect(isBot('  ')).toBe(true);
  });

  it('takes browsers for people, and keeps only their family', () => {
    for (const agent of Object.values(browsers)) expect(isBot(agent), agent).toBe(false);
    expect(agentFamily(browsers.chrome)).toBe('chrome');
    expect(agentFamily(browsers.edge)).toBe('edge');
    expect(agentFamily(browsers.firefox)).toBe('firefox');
    expect(agentFamily(browsers.safari)).toBe('safari');
    expect(agentFamily(browsers.chromeOnIphone)).toBe('chrome');
    expect(agentFamily('SomethingElse/1.0')).toBe('other');
    expect(agentFamily(null)).toBe('other');
  });

  it('knows a staff session by its cookie name, on https and http', () => {
    expect(hasStaffCookie('__Host-staff=abc')).toBe(true);
    expect(hasStaffCookie('theme=dark; staff=abc')).toBe(true);
    expect(hasStaffCookie('staffing=abc; mystaff=1')).toBe(false);
    expect(hasStaffCookie(null)).toBe(false);
  });
});
