"""Source formats a backfill reads, each turned into Post-shaped dicts.

post        JSON Lines (or a JSON array) already in the Post shape
twitter-v1  raw Twitter API v1.1 statuses (converted by the normalizer itself)
twitter-v2  Twitter API v2: {"data": [...], "includes": {"users": [...]}} or one tweet a line
mastodon    Mastodon statuses (HTML content, account, counts)
rss         RSS 2.0 and Atom feeds (.xml)
csv         CSV with a header: id,text,created_at,author_handle,author_name,followers,...
linkedin    LinkedIn's member data export of shares (Shares.csv: Date,ShareLink,ShareCommentary,...)
facebook    Facebook's "your posts" export (your_posts_1.json: timestamp, data[].post, ...)
"""

from streams.backfill.formats.detect import FORMATS, Record, detect_format, read_records

__all__ = ["FORMATS", "Record", "detect_format", "read_records"]
