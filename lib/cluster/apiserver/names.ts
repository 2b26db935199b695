/** Kubernetes' random-name alphabet (apimachinery util/rand): no vowels, no 0/1/3, so no words. */
export const NAME_ALPHABET_FOR_VOLUMES = "bcdfghjklmnpqrstvwxz2456789";
