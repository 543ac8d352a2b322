struct buf {
  char *data;
  int len;
};

struct buf *make_buf(int n);
void buf_free(struct buf *b);
int buf_len(const struct buf *b);
