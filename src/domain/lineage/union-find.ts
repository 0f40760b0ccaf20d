/** Disjoint sets: which goals are one goal in one year, which years are one thread. */
export class UnionFind<T> {
  private readonly parent = new Map<T, T>();

  add(x: T): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }

  find(x: T): T {
    let root = x;
    for (let up = this.parent.get(root); up !== undefined && up !== root; up = this.parent.get(root))
      root = up;
    // Path compression keeps later finds flat.
    for (let node = x; node !== root; ) {
      const next = this.parent.get(node) as T;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  union(a: T, b: T): void {
    this.add(a);
    this.add(b);
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(rb, ra);
  }
}
