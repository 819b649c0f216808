// Counted nouns, pluralised: count(1, "post") is "1 post", count(2, "post") is "2 posts".
export function count(n, singular, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
